import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

import { Inject, Injectable } from '@nestjs/common';

import { APP_CONFIG, AppConfig } from '../../config/config';

const VERSION = 1;

/**
 * Encrypts CPR numbers at rest (AES-256-GCM) and computes the keyed blind index used for exact-match
 * search (HMAC-SHA256 under a second key). The plain number exists only in memory, never in logs.
 */
@Injectable()
export class CprVault {
  private readonly encryptionKey: Buffer;
  private readonly indexKey: Buffer;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    const keys =
      config.CPR_ENCRYPTION_KEY && config.CPR_INDEX_KEY
        ? { CPR_ENCRYPTION_KEY: config.CPR_ENCRYPTION_KEY, CPR_INDEX_KEY: config.CPR_INDEX_KEY }
        : loadDevKeys(config.DEV_SECRETS_FILE);
    this.encryptionKey = Buffer.from(keys.CPR_ENCRYPTION_KEY, 'base64');
    this.indexKey = Buffer.from(keys.CPR_INDEX_KEY, 'base64');
  }

  encrypt(digits: string): Buffer {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.encryptionKey, iv);
    const ciphertext = Buffer.concat([cipher.update(digits, 'utf8'), cipher.final()]);
    return Buffer.concat([Buffer.from([VERSION]), iv, cipher.getAuthTag(), ciphertext]);
  }

  decrypt(blob: Buffer): string {
    if (blob[0] !== VERSION) throw new Error('Unknown CPR ciphertext version');
    const decipher = createDecipheriv('aes-256-gcm', this.encryptionKey, blob.subarray(1, 13));
    decipher.setAuthTag(blob.subarray(13, 29));
    return Buffer.concat([decipher.update(blob.subarray(29)), decipher.final()]).toString('utf8');
  }

  blindIndex(digits: string): string {
    return createHmac('sha256', this.indexKey).update(digits).digest('hex');
  }
}

/** Development only: keys generated once and kept beside the embedded database (mode 0600). */
function loadDevKeys(file: string): { CPR_ENCRYPTION_KEY: string; CPR_INDEX_KEY: string } {
  const path = resolve(file);
  if (existsSync(path)) return JSON.parse(readFileSync(path, 'utf8'));
  const keys = {
    CPR_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    CPR_INDEX_KEY: randomBytes(32).toString('base64'),
  };
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, JSON.stringify(keys), { mode: 0o600 });
  chmodSync(path, 0o600);
  return keys;
}
