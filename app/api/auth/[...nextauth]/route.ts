import NextAuth from 'next-auth';
import { authOptions } from '@/server/auth/auth-options';

type RouteContext = { params: Promise<{ nextauth: string[] }> };

// next-auth 4 reads options at call time; building them per request keeps env parsing lazy
// (next build must not need a database or secrets).
async function handler(req: Request, context: RouteContext) {
  return NextAuth(req as never, context as never, authOptions());
}

export { handler as GET, handler as POST };
