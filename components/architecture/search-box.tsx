'use client';

// Find a node by name (the list offers every name while the scenario is not huge); the found
// node is selected and brought into view.

import { useReactFlow } from '@xyflow/react';
import { memo, useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { nodeId } from '@/lib/architecture/flow-ids';
import type { Entity } from '@/lib/architecture/snapshot';
import { useEditor, useEditorStore } from './editor-store';

/** Above this many entities the name list is left out: the browser's list would be unusable. */
const MAX_LISTED_NAMES = 2000;

/** The names to pick from. The entities change at every move (a new position), their names
 * rarely: the list of up to MAX_LISTED_NAMES options is redrawn only when a name changes. */
const NameList = memo(
  function NameList({ entities }: { entities: ReadonlyMap<string, Entity> }) {
    return (
      <datalist id="arch-search-names">{entities.size <= MAX_LISTED_NAMES && [...entities.values()].map((e) => <option key={nodeId(e.kind, e.id)} value={e.name} />)}</datalist>
    );
  },
  (a, b) => a.entities === b.entities || (a.entities.size === b.entities.size && [...a.entities].every(([id, e]) => b.entities.get(id)?.name === e.name)),
);

export function SearchBox() {
  const store = useEditorStore();
  const { fitView } = useReactFlow();
  const [query, setQuery] = useState('');
  const names = useEditor((s) => s.model.entities);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const id = store.find(query);
    if (id) void fitView({ nodes: [{ id }], duration: 400, maxZoom: 1.3 });
  };
  return (
    <form onSubmit={submit} role="search" className="flex items-center gap-1">
      <label htmlFor="arch-search" className="sr-only">
        Find a node
      </label>
      <input
        id="arch-search"
        list="arch-search-names"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        placeholder="Find a node… (/)"
        className="w-44 rounded-md border border-slate-300 px-2 py-1 text-sm"
      />
      <NameList entities={names} />
      <Button type="submit">Find</Button>
    </form>
  );
}
