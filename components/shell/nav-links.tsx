'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';

const sections: { heading?: string; color?: string; links: { href: string; label: string }[] }[] = [
  {
    links: [
      { href: '/', label: 'Overview' },
      { href: '/architecture', label: 'Architecture' },
    ],
  },
  { heading: 'Physical', color: 'bg-layer-physical', links: [{ href: '/servers', label: 'Servers' }] },
  { heading: 'Network', color: 'bg-layer-network', links: [{ href: '/network', label: 'Network' }] },
  {
    heading: 'Service',
    color: 'bg-layer-service',
    links: [
      { href: '/images', label: 'Images' },
      { href: '/layers', label: 'Layers' },
      { href: '/services', label: 'Services' },
    ],
  },
  { heading: 'Control', color: 'bg-layer-control', links: [{ href: '/controllers', label: 'Controllers' }] },
  {
    heading: 'Placement',
    links: [
      { href: '/policies', label: 'Policies' },
      { href: '/placement', label: 'Placement' },
      { href: '/experiments', label: 'Experiments' },
    ],
  },
  {
    heading: 'Data',
    links: [
      { href: '/scenarios', label: 'Scenarios' },
      { href: '/samples', label: 'Samples' },
      { href: '/import', label: 'Import' },
    ],
  },
];

/** `adminLinks`: the pages the visitor's role may open (Audit, Users); the server checks again. */
export function NavLinks({ adminLinks = [] }: { adminLinks?: { href: string; label: string }[] }) {
  const pathname = usePathname();
  const all = adminLinks.length ? [...sections, { heading: 'Administration', links: adminLinks }] : sections;
  return (
    <nav aria-label="Main" className="space-y-4">
      {all.map((section, i) => (
        <div key={section.heading ?? i}>
          {section.heading && (
            <p className="mb-1 flex items-center gap-2 px-2 text-xs font-semibold tracking-wide text-slate-500 uppercase">
              {section.color && <span aria-hidden className={`h-2 w-2 rounded-full ${section.color}`} />}
              {section.heading}
            </p>
          )}
          <ul>
            {section.links.map((link) => {
              const active = link.href === '/' ? pathname === '/' : pathname.startsWith(link.href);
              return (
                <li key={link.href}>
                  <Link
                    href={link.href}
                    aria-current={active ? 'page' : undefined}
                    className={`block rounded-md px-2 py-1.5 text-sm ${active ? 'bg-slate-900 text-white' : 'text-slate-700 hover:bg-slate-200'}`}
                  >
                    {link.label}
                  </Link>
                </li>
              );
            })}
          </ul>
        </div>
      ))}
    </nav>
  );
}
