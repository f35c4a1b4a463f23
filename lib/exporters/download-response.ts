import { httpStatusOf } from '@/lib/error-codes';
import { isDomainError } from '@/lib/errors';

/** A file download; expected failures (unknown scenario, no placement yet) answer with the reason and
 * the status of their code (lib/error-codes.ts). */
export async function downloadResponse(make: () => Promise<{ body: string; fileName: string; contentType: string }>): Promise<Response> {
  try {
    const { body, fileName, contentType } = await make();
    return new Response(body, {
      headers: {
        'content-type': contentType,
        'content-disposition': `attachment; filename="${encodeURIComponent(fileName)}"`,
        'cache-control': 'no-store',
      },
    });
  } catch (error) {
    if (isDomainError(error)) return Response.json({ error: error.message }, { status: httpStatusOf(error.code) });
    throw error;
  }
}

export function fileStem(name: string): string {
  return name.replace(/[^\p{L}\p{N}._-]+/gu, '-').replace(/^-|-$/g, '') || 'scenario';
}
