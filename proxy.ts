import { getSessionCookie } from 'better-auth/cookies';
import { NextResponse, type NextRequest } from 'next/server';

// Optimistic only: a request without a session cookie goes to the sign-in page before any page
// renders. Whether the cookie is a valid session, and whether its role allows the request, is
// checked on the server by every page, server action and route handler (lib/auth/require-role.ts).
export function proxy(request: NextRequest) {
  if (process.env.EDGESTACK_DEMO_VIEWER === '1' || getSessionCookie(request)) return NextResponse.next();
  const url = new URL('/sign-in', request.url);
  const from = request.nextUrl.pathname + request.nextUrl.search;
  if (from !== '/') url.searchParams.set('next', from);
  return NextResponse.redirect(url);
}

export const config = {
  // Not the sign-in page, API routes (they answer 401 themselves) or static files.
  matcher: ['/((?!api/|_next/|sign-in|favicon\\.svg|.*\\.(?:svg|png|ico|txt)$).*)'],
};
