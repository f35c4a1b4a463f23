import type { ControlArtifactKind as DbKind } from '@/lib/generated/prisma/client';

/** The artifact kinds as documents and URLs spell them; the database enum cannot hold a dash. */
export type ArtifactKind = 'routes' | 'link-load' | 'flows' | 'mesh';

export const artifactKindToDb = (kind: ArtifactKind): DbKind => (kind === 'link-load' ? 'link_load' : kind);
export const artifactKindFromDb = (kind: DbKind): ArtifactKind => (kind === 'link_load' ? 'link-load' : kind);
