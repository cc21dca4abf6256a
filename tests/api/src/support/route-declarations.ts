import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ModulesContainer, Reflector } from '@nestjs/core';

import {
  IS_PUBLIC,
  NO_PERSONAL_DATA,
  PERSONAL_DATA,
  PersonalDataDeclaration,
} from '../../../../backend/src/common/auth/decorators';
import type { TestApp } from './test-app';

export interface RouteDeclaration {
  route: string;
  isPublic: boolean;
  personalData: PersonalDataDeclaration | undefined;
  noPersonalData: string | undefined;
}

interface ExpressLayer {
  route?: { path: string; methods: Record<string, boolean> };
}

/** The routes Express serves (as in access-matrix.e2e-spec.ts). */
export function discoverRoutes(t: TestApp): string[] {
  const express = t.app.getHttpAdapter().getInstance() as { router: { stack: ExpressLayer[] } };
  return express.router.stack
    .filter((l) => l.route)
    .flatMap((l) =>
      Object.keys(l.route!.methods)
        .filter((m) => m !== '_all')
        .map((m) => `${m.toUpperCase()} ${l.route!.path}`),
    )
    .filter((r) => r.includes(' /api/') && !r.includes('/api/docs') && !r.includes('{*'));
}

const join = (...parts: (string | undefined)[]) =>
  '/' +
  parts
    .flatMap((p) => (p ?? '').split('/'))
    .filter(Boolean)
    .join('/');

/** Every controller method of the Nest app with its declaration, read as the guard and interceptor read it. */
export function routeDeclarations(t: TestApp): RouteDeclaration[] {
  const reflector = t.app.get(Reflector);
  const out: RouteDeclaration[] = [];
  for (const module of t.app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const type = wrapper.metatype as (new (...args: never[]) => unknown) | undefined;
      if (!type) continue;
      const base = Reflect.getMetadata(PATH_METADATA, type) as string | string[];
      for (const name of Object.getOwnPropertyNames(type.prototype)) {
        const handler = (type.prototype as Record<string, unknown>)[name];
        if (name === 'constructor' || typeof handler !== 'function') continue;
        const path = Reflect.getMetadata(PATH_METADATA, handler) as string | string[] | undefined;
        const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
        if (path === undefined || method === undefined) continue;
        const targets = [handler as () => unknown, type];
        out.push({
          route: `${RequestMethod[method]} ${join('api', String(base), String(path))}`,
          isPublic: reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets) === true,
          personalData: reflector.getAllAndOverride<PersonalDataDeclaration>(PERSONAL_DATA, targets),
          noPersonalData: reflector.getAllAndOverride<string>(NO_PERSONAL_DATA, targets),
        });
      }
    }
  }
  return out;
}

/** The declaration problems of the app's routes: empty when every route declares exactly one. */
export function undeclaredRoutes(t: TestApp): string[] {
  return routeDeclarations(t)
    .filter((d) => {
      const count = (d.personalData ? 1 : 0) + (d.noPersonalData ? 1 : 0);
      // @Public routes have no session and return nothing personal: implicitly exempt, never @PersonalData.
      return d.isPublic ? d.personalData !== undefined : count !== 1;
    })
    .map((d) => d.route);
}
