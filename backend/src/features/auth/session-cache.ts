import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { APP_CONFIG, AppConfig } from '../../config/config';
import type { ActiveSession } from './active-session';

export const SESSION_CHANNEL = 'bofast_session';
const MAX_ENTRIES = 10_000;
const RECONNECT_MS = 1_000;

/** The part of pg's Client the listener uses (pg as loaded by TypeORM's driver). */
interface ListenClient {
  connect(): Promise<void>;
  query(sql: string): Promise<unknown>;
  end(): Promise<void>;
  on(event: 'notification', listener: (message: { channel: string; payload?: string }) => void): void;
  on(event: 'error' | 'end', listener: (error?: Error) => void): void;
}
type ClientClass = new (options: { connectionString?: string; application_name: string }) => ListenClient;

interface Entry {
  session: ActiveSession;
  cachedAt: number;
}

/**
 * The session lookup every request makes, kept for SESSION_CACHE_SECONDS per token hash, but only while
 * this process listens on `bofast_session`: the database notifies that channel on commit of anything
 * that ends a session or changes what it may see (migration 1795900000000), whoever made the change,
 * and the user's entries are dropped at once. Without a listening connection nothing is cached.
 * A cached session never outlives its idle or absolute lifetime: both are checked on every hit.
 */
@Injectable()
export class SessionCache implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(SessionCache.name);
  private readonly entries = new Map<string, Entry>();
  /** Bumped by every invalidation: a lookup that started before one is not cached. */
  private epoch = 0;
  private listener: ListenClient | null = null;
  private listening = false;
  private everListened = false;
  private stopped = false;
  private retry: NodeJS.Timeout | undefined;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  get enabled(): boolean {
    return this.listening && this.config.SESSION_CACHE_SECONDS > 0;
  }

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.SESSION_CACHE_SECONDS > 0) await this.listen();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retry);
    this.stopListening();
  }

  /** The cached session for a token hash, if still within its lifetimes. */
  get(tokenHash: string, now = Date.now()): ActiveSession | null {
    if (!this.enabled) return null;
    const entry = this.entries.get(tokenHash);
    if (!entry) return null;
    const { session } = entry;
    const idleUntil = session.lastSeenAt.getTime() + this.config.SESSION_IDLE_MINUTES * 60_000;
    if (
      now - entry.cachedAt > this.config.SESSION_CACHE_SECONDS * 1000 ||
      now >= idleUntil ||
      now >= session.expiresAt.getTime()
    ) {
      this.entries.delete(tokenHash);
      return null;
    }
    return session;
  }

  /**
   * Looks the session up through `load` unless cached; caches what it found unless an invalidation
   * arrived meanwhile (the lookup may then have read the state from before the change).
   */
  async lookup(tokenHash: string, load: () => Promise<ActiveSession | null>): Promise<ActiveSession | null> {
    const cached = this.get(tokenHash);
    if (cached) return cached;
    const epoch = this.epoch;
    const session = await load();
    if (session && this.enabled && epoch === this.epoch) {
      if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value as string);
      this.entries.set(tokenHash, { session, cachedAt: Date.now() });
    }
    return session;
  }

  /** The session was just touched: its idle lifetime runs from now. */
  touched(tokenHash: string, at = new Date()): void {
    const entry = this.entries.get(tokenHash);
    if (entry) entry.session = { ...entry.session, lastSeenAt: at };
  }

  /** Drops the user's cached sessions ('*': everyone's). Also called in-process before the change commits. */
  forgetUser(userId: string): void {
    this.epoch++;
    if (userId === '*') {
      this.entries.clear();
      return;
    }
    for (const [key, entry] of this.entries) if (entry.session.userId === userId) this.entries.delete(key);
  }

  private async listen(): Promise<void> {
    const url = (this.dataSource.options as { url?: string }).url;
    const Client = (this.dataSource.driver as unknown as { postgres: { Client: ClientClass } }).postgres.Client;
    const client = new Client({ connectionString: url, application_name: 'bofast-session-cache' });
    const lost = (error?: Error) => {
      if (this.listener !== client) return;
      // Said once per outage, not at every reconnect try (every second while the database is away).
      if (error && this.listening)
        this.logger.warn({ err: error.message }, 'Session cache listener lost; sessions are read from the database');
      this.stopListening();
      if (!this.stopped) this.retry = setTimeout(() => void this.listen(), RECONNECT_MS);
    };
    this.listener = client;
    client.on('error', lost);
    client.on('end', () => lost());
    client.on('notification', (message) => {
      if (message.channel === SESSION_CHANNEL) this.forgetUser(message.payload || '*');
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${SESSION_CHANNEL}`);
      if (this.listener === client && !this.stopped) {
        if (this.everListened) this.logger.log('Session cache listener back');
        this.listening = true;
        this.everListened = true;
      }
    } catch (error) {
      lost(error as Error);
    }
  }

  private stopListening(): void {
    this.listening = false;
    this.forgetUser('*');
    const client = this.listener;
    this.listener = null;
    if (client) void client.end().catch(() => undefined);
  }
}
