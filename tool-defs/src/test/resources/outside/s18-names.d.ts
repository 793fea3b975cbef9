interface HttpHeaders {
  "content-type": string;
  'x-request-id'?: string;
  "with space": number;
  0: string;
  42?: boolean;
  readonly: boolean;
  type: "a" | "b";
  interface: string;
  default?: number;
  $ref?: string;
  __proto__?: string;
}

export interface Http {
  send(headers: HttpHeaders, body?: string): Promise<{ status: number; "content-length"?: number }>;
  delete(id: string): Promise<void>;
  get(url: string): Promise<string>;
  set(key: string, value: string): Promise<void>;
  type(name: string): Promise<void>;
}
//! accept s18_send {"headers": {"content-type": "a", "with space": 1, "0": "z", "readonly": true, "type": "a", "interface": "i"}}
//! reject s18_send {"headers": {"content-type": "a", "with space": 1, "0": "z", "readonly": true, "type": "c", "interface": "i"}}
//! accept s18_delete {"id": "1"}
//! accept s18_get {"url": "1"}
