import { Injectable } from '@nestjs/common';
import { AccessAction, AccessSubjectType, Page, Role, UserSummary } from '@bofast/contracts';
import { DataSource, EntityManager } from 'typeorm';

import { DomainError, fieldError, notFound, versionConflict } from '../../common/errors/domain-error';
import type { RequestContext } from '../../common/http/request-context';
import { AccessLogService } from '../access-log/access-log.service';
import { PasswordService } from '../auth/password.service';
import { SessionsRepository } from '../auth/sessions.repository';
import { UserEntity } from './user.entity';
import { toUserSummary } from './user.mapper';
import { CreateUserDto, ListUsersQueryDto, ResetPasswordDto, UpdateUserDto } from './users.dto';
import { UsersRepository } from './users.repository';

const PURPOSE = 'Brugeradministration';

@Injectable()
export class UsersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly users: UsersRepository,
    private readonly sessions: SessionsRepository,
    private readonly passwords: PasswordService,
    private readonly accessLog: AccessLogService,
  ) {}

  async list(ctx: RequestContext, query: ListUsersQueryDto): Promise<Page<UserSummary>> {
    const page = await this.users.findPage(query);
    await this.accessLog.record(ctx, {
      action: AccessAction.Search,
      subjectType: AccessSubjectType.User,
      purpose: PURPOSE,
      searchCriterion: query.search ?? null,
    });
    return { ...page, items: page.items.map(toUserSummary) };
  }

  async get(ctx: RequestContext, id: string): Promise<UserSummary> {
    const user = await this.users.findById(id);
    if (!user) throw notFound('Brugeren');
    await this.accessLog.record(ctx, {
      action: AccessAction.Read,
      subjectType: AccessSubjectType.User,
      subjectId: id,
      purpose: PURPOSE,
    });
    return toUserSummary(user);
  }

  async create(ctx: RequestContext, dto: CreateUserDto): Promise<UserSummary> {
    this.passwords.assertAcceptable(dto.password, dto.username, 'password');
    const passwordHash = await this.passwords.hash(dto.password);
    const id = await this.dataSource.transaction(async (em) => {
      await this.assertRoleFits(em, dto.role, dto.partnerOrganisationId ?? null, dto.teamIds ?? []);
      await this.assertLandlordFits(em, dto.role, dto.boligorganisationId ?? null);
      if (await this.users.findForAuthentication(dto.username, em)) {
        throw new DomainError('ALREADY_EXISTS', 'Brugernavnet er i brug.', {
          fields: { username: ['Brugernavnet er i brug'] },
        });
      }
      const inserted = await em.insert(UserEntity, {
        username: dto.username,
        displayName: dto.displayName,
        email: dto.email ?? null,
        role: dto.role,
        passwordHash,
        partnerOrganisationId: dto.role === Role.KommunalPartner ? (dto.partnerOrganisationId ?? null) : null,
        boligorganisationId: dto.role === Role.Boligorganisation ? (dto.boligorganisationId ?? null) : null,
        mustChangePassword: true,
      });
      const newId = inserted.identifiers[0]['id'] as string;
      await this.users.setTeams(em, newId, dto.teamIds ?? []);
      await this.accessLog.record(
        ctx,
        { action: AccessAction.Create, subjectType: AccessSubjectType.User, subjectId: newId, purpose: PURPOSE },
        em,
      );
      return newId;
    });
    const created = await this.users.findById(id);
    if (!created) throw notFound('Brugeren');
    return toUserSummary(created);
  }

  async update(ctx: RequestContext, id: string, dto: UpdateUserDto): Promise<UserSummary> {
    await this.dataSource.transaction(async (em) => {
      const current = await this.users.findById(id, em);
      if (!current) throw notFound('Brugeren');
      if (current.version !== dto.version) throw versionConflict(toUserSummary(current));
      const role = dto.role ?? current.role;
      const partnerId =
        dto.partnerOrganisationId !== undefined ? dto.partnerOrganisationId : current.partnerOrganisationId;
      const teamIds = dto.teamIds ?? current.teams.map((t) => t.id);
      await this.assertRoleFits(em, role, role === Role.KommunalPartner ? partnerId : null, dto.teamIds ?? []);
      const landlordId = dto.boligorganisationId !== undefined ? dto.boligorganisationId : current.boligorganisationId;
      await this.assertLandlordFits(em, role, role === Role.Boligorganisation ? landlordId : null);
      if (id === ctx.userId && (dto.isActive === false || (dto.role && dto.role !== current.role))) {
        throw new DomainError('INVALID_STATE', 'Du kan ikke deaktivere dig selv eller ændre din egen rolle.');
      }
      const changes: Partial<UserEntity> = {
        role,
        partnerOrganisationId: role === Role.KommunalPartner ? partnerId : null,
        boligorganisationId: role === Role.Boligorganisation ? landlordId : null,
      };
      if (dto.displayName !== undefined) changes.displayName = dto.displayName;
      if (dto.email !== undefined) changes.email = dto.email;
      if (dto.isActive !== undefined) changes.isActive = dto.isActive;
      if (!(await this.users.updateIfVersion(em, id, dto.version, changes))) {
        const fresh = await this.users.findById(id);
        throw versionConflict(fresh ? toUserSummary(fresh) : null);
      }
      if (dto.teamIds) await this.users.setTeams(em, id, teamIds);
      // Role, organisation and teams are part of a cached session (the commit notifies the other processes).
      this.sessions.forgetUser(id);
      // Deactivation and role changes take effect at once: end the user's sessions.
      if (dto.isActive === false || role !== current.role)
        await this.sessions.revokeAllForUser(em, id, 'changed_by_admin');
      await this.accessLog.record(
        ctx,
        { action: AccessAction.Update, subjectType: AccessSubjectType.User, subjectId: id, purpose: PURPOSE },
        em,
      );
    });
    const updated = await this.users.findById(id);
    if (!updated) throw notFound('Brugeren');
    return toUserSummary(updated);
  }

  async resetPassword(ctx: RequestContext, id: string, dto: ResetPasswordDto): Promise<void> {
    const user = await this.users.findById(id);
    if (!user) throw notFound('Brugeren');
    this.passwords.assertAcceptable(dto.newPassword, user.username);
    const hash = await this.passwords.hash(dto.newPassword);
    await this.dataSource.transaction(async (em) => {
      await this.users.setPasswordHash(em, id, hash, true);
      await this.sessions.revokeAllForUser(em, id, 'password_reset');
      await this.accessLog.record(
        ctx,
        {
          action: AccessAction.Update,
          subjectType: AccessSubjectType.User,
          subjectId: id,
          purpose: `${PURPOSE}: adgangskode nulstillet`,
        },
        em,
      );
    });
  }

  /** A boligorganisation user uploads the lists of exactly one boligorganisation. */
  private async assertLandlordFits(em: EntityManager, role: Role, boligorganisationId: string | null): Promise<void> {
    if (role !== Role.Boligorganisation) return;
    if (!boligorganisationId)
      throw fieldError('boligorganisationId', 'Vælg hvilken boligorganisation brugeren hører til');
    const rows = await em.query(`SELECT 1 FROM boligorganisation WHERE id = $1`, [boligorganisationId]);
    if (!rows.length) throw fieldError('boligorganisationId', 'Boligorganisationen findes ikke');
  }

  private async assertRoleFits(
    em: EntityManager,
    role: Role,
    partnerOrganisationId: string | null,
    teamIds: string[],
  ): Promise<void> {
    if (role === Role.KommunalPartner) {
      if (!partnerOrganisationId)
        throw fieldError('partnerOrganisationId', 'En kommunal partner skal høre til en partnerorganisation');
      if (!(await this.users.partnerOrganisationExists(em, partnerOrganisationId))) {
        throw fieldError('partnerOrganisationId', 'Partnerorganisationen findes ikke');
      }
    }
    const unique = [...new Set(teamIds)];
    if (unique.length && (await this.users.countExistingTeams(em, unique)) !== unique.length) {
      throw fieldError('teamIds', 'Et eller flere teams findes ikke eller er deaktiveret');
    }
  }
}
