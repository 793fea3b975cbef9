/** Made-up weather for a few cities: an example plugin, not a forecast. */
export interface Weather {
  /** Today's high for a city, in the units paddock.json sets. */
  high(input: { city: string }): Promise<{ city: string; high: number; units: "celsius" | "fahrenheit" }>;
  /** The cities `high` knows, sorted. */
  cities(): Promise<string[]>;
}
