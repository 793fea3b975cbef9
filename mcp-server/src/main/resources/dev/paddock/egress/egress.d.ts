/**
 * The host side of the isolate's fetch: the standard library turns fetch(input, init) into one request,
 * and the host's egress rules decide it. Bodies are base64 so that binary survives.
 */
export interface Egress {
  fetch(request: {
    /** Absolute URL, already parsed and serialized by the isolate's URL. */
    url: string;
    /** Default "GET". */
    method?: string | null;
    /** [name, value] pairs in order; names are lower-case. */
    headers?: [string, string][] | null;
    body?: string | null;
  }): Promise<{
    status: number;
    statusText: string;
    /** The final URL, after redirects. */
    url: string;
    redirected: boolean;
    headers: [string, string][];
    body: string;
  }>;
}
