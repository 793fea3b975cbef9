type Base = {
  ping(): Promise<"pong">;
};
export type Api = Base & {
  echo(text: string): Promise<string>;
};
//! accept s25_ping {}
//! accept s25_echo {"text": "a"}
