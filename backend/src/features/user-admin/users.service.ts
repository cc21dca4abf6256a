import { Injectable } from '@nestjs/common';
import {
  AccessAction,
  AccessSubjectType,
  ActivationLink,
  CreatedUser,
  Page,
  PrivilegedChangeKind,
  Role,
  UserSummary,
} from '@bofast/contracts';
import { DataSource, EntityManager } from 'typeorm';

import { DomainError, fieldError, notFound, versionConflict } from '../../common/errors/domain-error';
import type { RequestContext } from '../../common/http/request-context';
import { AccessLogService } from '../access-log/access-log.service';
import { ActivationService } from '../auth/activation.service';
import { SessionsRepository } from '../auth/sessions.repository';
import { actorOf, PrivilegedChangesService } from '../privileged-changes/privileged-changes.service';
import { UserEntity } from '../users/user.entity';
import { toUserSummary } from '../users/user.mapper';
import { UsersRepository } from '../users/users.repository';
import { CreateUserDto, ListUsersQueryDto, UpdateUserDto } from './users.dto';

const PURPOSE = 'Brugeradministration';

@Injectable()
export class UsersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly users: UsersRepository,
    private readonly sessions: SessionsRepository,
    private readonly activation: ActivationService,
    private readonly accessLog: AccessLogService,
    private readonly changes: PrivilegedChangesService,
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

  /**
   * The account has no password: the admin is shown a one-time activation link (once) to hand over, and
   * the user sets their own password with it. The admin never knows it.
   */
  async create(ctx: RequestContext, dto: CreateUserDto, origin: string): Promise<CreatedUser> {
    const { id, activation } = await this.dataSource.transaction(async (em) => {
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
        passwordHash: null,
        partnerOrganisationId: dto.role === Role.KommunalPartner ? (dto.partnerOrganisationId ?? null) : null,
        boligorganisationId: dto.role === Role.Boligorganisation ? (dto.boligorganisationId ?? null) : null,
        mustChangePassword: false,
        activatedAt: null,
      });
      const newId = inserted.identifiers[0]['id'] as string;
      const target = { id: newId, username: dto.username };
      await this.users.setTeams(em, newId, dto.teamIds ?? []);
      await this.changes.record(em, actorOf(ctx), PrivilegedChangeKind.UserCreated, target, { new: dto.role });
      const teamNames = await this.teamNames(em, newId);
      if (teamNames.length)
        await this.changes.record(em, actorOf(ctx), PrivilegedChangeKind.TeamsChanged, target, {
          old: [],
          new: teamNames,
        });
      const link = await this.activation.issue(em, ctx, target, origin);
      await this.accessLog.record(
        ctx,
        { action: AccessAction.Create, subjectType: AccessSubjectType.User, subjectId: newId, purpose: PURPOSE },
        em,
      );
      return { id: newId, activation: link };
    });
    const created = await this.users.findById(id);
    if (!created) throw notFound('Brugeren');
    return { ...toUserSummary(created), activation };
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
      const oldTeams = current.teams.map((t) => t.name).sort((a, b) => a.localeCompare(b, 'da'));
      if (dto.teamIds) await this.users.setTeams(em, id, teamIds);
      await this.recordChanges(em, ctx, current, { role, isActive: dto.isActive, oldTeams, teamsSet: !!dto.teamIds });
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

  /**
   * The old password stops working and the user's sessions end at once; the admin is shown a new
   * one-time activation link (once), never a password of their choosing.
   */
  async resetPassword(ctx: RequestContext, id: string, origin: string): Promise<ActivationLink> {
    if (id === ctx.userId)
      throw new DomainError('INVALID_STATE', 'Du kan ikke nulstille din egen adgangskode. Skift den under din profil.');
    return this.dataSource.transaction(async (em) => {
      const user = await this.users.findById(id, em);
      if (!user) throw notFound('Brugeren');
      await this.users.clearPassword(em, id);
      await this.sessions.revokeAllForUser(em, id, 'password_reset');
      const link = await this.activation.issue(em, ctx, { id, username: user.username }, origin);
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
      return link;
    });
  }

  /** Role, team and active changes go to the DPO's log of privileged changes, old → new. */
  private async recordChanges(
    em: EntityManager,
    ctx: RequestContext,
    before: UserEntity,
    after: { role: Role; isActive: boolean | undefined; oldTeams: string[]; teamsSet: boolean },
  ): Promise<void> {
    const target = { id: before.id, username: before.username };
    const actor = actorOf(ctx);
    if (after.role !== before.role)
      await this.changes.record(em, actor, PrivilegedChangeKind.RoleChanged, target, {
        old: before.role,
        new: after.role,
      });
    if (after.teamsSet) {
      const newTeams = await this.teamNames(em, before.id);
      if (newTeams.join('\n') !== after.oldTeams.join('\n'))
        await this.changes.record(em, actor, PrivilegedChangeKind.TeamsChanged, target, {
          old: after.oldTeams,
          new: newTeams,
        });
    }
    if (after.isActive !== undefined && after.isActive !== before.isActive)
      await this.changes.record(em, actor, PrivilegedChangeKind.ActiveChanged, target, {
        old: before.isActive,
        new: after.isActive,
      });
  }

  private async teamNames(em: EntityManager, userId: string): Promise<string[]> {
    const rows: { name: string }[] = await em.query(
      `SELECT t.name FROM user_team ut JOIN team t ON t.id = ut.team_id WHERE ut.user_id = $1`,
      [userId],
    );
    return rows.map((r) => r.name).sort((a, b) => a.localeCompare(b, 'da'));
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
