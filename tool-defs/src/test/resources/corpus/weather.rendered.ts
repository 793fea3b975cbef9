/** Temperature unit of a forecast. */
type Unit = "celsius" | "fahrenheit";
type Forecast = {
 /** City the forecast is for. */ city: string;
 unit: Unit;
 /** Daily highs, one per day. */ highs: number[];
 /** Free-text warning, if any. */ warning?: string | null;
};
declare const weather: {
 /** Forecast for a city.
  * @param city City name, e.g. "Paris".
  * @param days How many days ahead.
  * @returns One high per day.
  * @example
  * await weather.forecast("Paris", 3) */
 forecast(city: string, days?: number, unit?: Unit): Promise<Forecast>;
 /** Current temperature. @deprecated use forecast */
 current(city: string): Promise<number>;
 /** Lists the known cities. */
 cities(): Promise<string[]>;
};
