// Who is acting. Every domain function takes it first and authorizes against it itself.
export interface Actor {
  id: string;
  email: string;
  name: string;
  isSiteAdmin: boolean;
}

export interface Ctx {
  actor: Actor;
  /**
   * `cli`: an operator's command run as a named user (`--as`), recorded as that user's action.
   * `system`: the platform on someone's behalf (a fetch job as the batch's creator), recorded with no actor.
   */
  via: 'session' | 'token' | 'cli' | 'system';
}
