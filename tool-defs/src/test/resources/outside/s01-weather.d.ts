// Weather API for the agent.
// Maintainer: ops team

/** Temperature unit. */
export type Unit = "celsius" | "fahrenheit";

/** One day of forecast. */
export interface ForecastDay {
  /** ISO date, e.g. 2026-11-26 */
  date: string; // trailing comment
  high: number;
  low: number;
  /* not a jsdoc */ summary?: string;
}

export interface Weather {
  /**
   * Current conditions for a city.
   * @param city City name, e.g. "Paris"
   * @param unit Unit for temperatures
   * @returns the current reading
   */
  current(city: string, unit?: Unit): Promise<{ temp: number; unit: Unit; observedAt: string }>;

  /**
   * Forecast for the next days.
   * @param input.city the city
   * @param input.days how many days (1-14)
   */
  forecast(input: {
    city: string;
    /** @minimum 1 @maximum 14 @default 3 */
    days?: number;
    unit?: Unit;
  }): Promise<{ days: ForecastDay[] }>;
}
//! accept s01_current {"city": "Paris"}
//! accept s01_current {"city": "Paris", "unit": "celsius"}
//! reject s01_current {"city": "Paris", "unit": "kelvin"}
//! reject s01_current {}
//! accept s01_forecast {"city": "Oslo", "days": 14}
//! reject s01_forecast {"city": "Oslo", "days": 15}
//! reject s01_forecast {"city": "Oslo", "days": 0}
//! reject s01_forecast {"days": 2}
//! reject s01_forecast {"city": "Oslo", "extra": 1}
