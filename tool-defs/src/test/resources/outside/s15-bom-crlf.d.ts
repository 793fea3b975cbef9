export interface Bom {
  /**
   * Say hi.
   * @param name Who
   */
  greet(name: string): Promise<string>;
  level(n: {
    /** @minimum 1
     * @maximum 3 */
    value: number;
  }): Promise<void>;
  /** Summary line one
   * line two
   * @example
   * bom.x()
   */
  x(): Promise<void>;
}
//! accept s15_greet {"name": "x"}
//! accept s15_level {"value": 2}
//! reject s15_level {"value": 4}
