export interface Thing { name: string }

export default interface Api {
  get(id: string): Promise<Thing>;
}
//! error 3:8 'export default' is not supported: export named declarations
