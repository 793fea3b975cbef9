/* eslint-disable */
// @ts-nocheck   (line comment with an @tag)

/**
 * Notes API.
 */
export interface Notes /* inline */ {
  // a line comment before a member
  /* a block comment */
  /** Add a note. */
  add(text: string /* the text */, pinned?: boolean /* default false */): Promise<{ id: string }>; // trailing

  /** Remove a note. */ remove(id: string): Promise<void>; /** Doc for next? */

  list(): Promise<Note[]>; // list all
  /**/
  /***/
  clear(): Promise<void>;
}

/** A note */
interface Note {
  id: string; // id
  text: string; /* body */
  pinned: boolean
  // end
}
// EOF comment without newline
//! accept s14_add {"text": "x"}
//! reject s14_add {"text": "x", "pinned": "yes"}
