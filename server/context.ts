// Who is acting. Every domain function takes it first and authorizes against it itself.
export interface Actor {
  id: string;
  email: string;
  name: string;
  isSiteAdmin: boolean;
}

export interface Ctx {
  actor: Actor;
  via: 'session' | 'token' | 'system';
}
