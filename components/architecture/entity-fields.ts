// The inspector's fields for each kind of entity, in the order the form shows them. The choices
// of a site, host or next VNF are the scenario's other entities of that kind, by name.

import type { ImageInfo, Entity, EntityKind, EntityOf } from '@/lib/architecture/snapshot';
import type { WorkingCopy } from '@/lib/architecture/working-copy';
import { ACCELERATORS, ARCHS, CONTROLLER_KINDS, NETWORK_NODE_KINDS, TIERS, VNF_KINDS } from '@/lib/vocabulary/kinds-and-labels';
import { optionsOf, type FieldSpec, type Option } from './inspector-field';

const GIB = 1024 ** 3;

const NAME: FieldSpec<'name'> = { name: 'name', label: 'Name', type: 'text' };
const ARCH_OPTIONS: Option[] = ARCHS.map((a) => ({ value: a, label: a }));
const ACCELERATOR_OPTIONS: Option[] = ACCELERATORS.map((a) => ({ value: a, label: a.toUpperCase() }));

/** Field names are the entity's own attributes, so renaming or removing one (in Prisma, the
 * snapshot or here) fails the type check instead of leaving a field that edits nothing. */
const fieldsOf = <K extends EntityKind>(specs: FieldSpec<Extract<keyof EntityOf<K>, string>>[]): FieldSpec[] => specs;

export function entityFields(self: Entity, model: WorkingCopy, images: readonly ImageInfo[]): FieldSpec[] {
  const others = (kind: EntityKind): Option[] =>
    [...model.entities.values()]
      .filter((e) => e.kind === kind && e.id !== self.id)
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((e) => ({ value: e.id, label: e.name }));
  switch (self.kind) {
    case 'site':
      return fieldsOf<'site'>([
        NAME,
        { name: 'provider', label: 'Provider', type: 'text' },
        { name: 'region', label: 'Region', type: 'text' },
        { name: 'latitude', label: 'Latitude', type: 'number', step: 'any', nullable: true },
        { name: 'longitude', label: 'Longitude', type: 'number', step: 'any', nullable: true },
      ]);
    case 'edgeServer':
      return fieldsOf<'edgeServer'>([
        NAME,
        { name: 'siteId', label: 'Site', type: 'select', options: others('site'), nullable: 'no site' },
        { name: 'tier', label: 'Tier', type: 'select', options: optionsOf(TIERS) },
        { name: 'arch', label: 'Architecture', type: 'select', options: ARCH_OPTIONS },
        { name: 'cpuCores', label: 'Cores', type: 'number', step: 'any' },
        { name: 'memoryMiB', label: 'Memory (MiB)', type: 'number', step: '1' },
        { name: 'storageBytes', label: 'Storage (GiB)', type: 'number', step: 'any', scale: GIB },
        { name: 'bandwidthMbps', label: 'Bandwidth (Mbit/s)', type: 'number', step: '1' },
        { name: 'accelerators', label: 'Accelerators', type: 'multi', options: ACCELERATOR_OPTIONS },
      ]);
    case 'networkNode':
      return fieldsOf<'networkNode'>([
        NAME,
        { name: 'nodeKind', label: 'Kind', type: 'select', options: optionsOf(NETWORK_NODE_KINDS) },
        { name: 'siteId', label: 'Site', type: 'select', options: others('site'), nullable: 'no site' },
        { name: 'sdnManaged', label: 'Managed by an SDN controller', type: 'checkbox' },
        { name: 'latitude', label: 'Latitude', type: 'number', step: 'any', nullable: true },
        { name: 'longitude', label: 'Longitude', type: 'number', step: 'any', nullable: true },
      ]);
    case 'vnf':
      return fieldsOf<'vnf'>([
        NAME,
        { name: 'vnfKind', label: 'Kind', type: 'select', options: optionsOf(VNF_KINDS) },
        { name: 'hostServerId', label: 'Runs on edge server', type: 'select', options: others('edgeServer') },
        { name: 'cpuCores', label: 'Cores', type: 'number', step: 'any' },
        { name: 'memoryMiB', label: 'Memory (MiB)', type: 'number', step: '1' },
        { name: 'nextVnfId', label: 'Next in chain', type: 'select', options: others('vnf'), nullable: 'end of chain' },
      ]);
    case 'service':
      return fieldsOf<'service'>([
        NAME,
        { name: 'imageRef', label: 'Image reference', type: 'text' },
        { name: 'imageId', label: 'Catalogued image', type: 'select', options: images.map((i) => ({ value: i.id, label: i.label })), nullable: 'not catalogued' },
        { name: 'replicas', label: 'Replicas', type: 'number', step: '1' },
        { name: 'cpuCores', label: 'Cores per replica', type: 'number', step: 'any' },
        { name: 'memoryMiB', label: 'Memory per replica (MiB)', type: 'number', step: '1' },
        { name: 'bandwidthMbps', label: 'Bandwidth (Mbit/s)', type: 'number', step: '1' },
        { name: 'arch', label: 'Architecture', type: 'select', options: ARCH_OPTIONS, nullable: 'any' },
        { name: 'accelerator', label: 'Needs accelerator', type: 'select', options: ACCELERATOR_OPTIONS, nullable: 'none' },
      ]);
    case 'registry':
      return fieldsOf<'registry'>([
        NAME,
        { name: 'url', label: 'URL', type: 'text' },
        { name: 'siteId', label: 'Site', type: 'select', options: others('site'), nullable: 'no site' },
        { name: 'networkNodeId', label: 'Attached to network node', type: 'select', options: others('networkNode'), nullable: 'none' },
        { name: 'edgeServerId', label: 'Attached to edge server', type: 'select', options: others('edgeServer'), nullable: 'none' },
      ]);
    case 'controller':
      return fieldsOf<'controller'>([
        NAME,
        { name: 'controllerKind', label: 'Kind', type: 'select', options: optionsOf(CONTROLLER_KINDS) },
        { name: 'product', label: 'Product and version', type: 'text' },
        { name: 'hostServerId', label: 'Runs on edge server', type: 'select', options: others('edgeServer') },
      ]);
  }
}
