/** JSON Schema's integer. */
type integer = number;
declare const constraints: {
 /** Registers an account. */
 register(input: {
  /** Login name. @minLength 3 @maxLength 20 @pattern ^[a-z][a-z0-9_]*$ */ login: string;
  /** @format email */ email: string;
  /** Age in years. @minimum 13 @maximum 130 */ age?: integer;
  /** Preferred languages. @minItems 1 @maxItems 3 @default ["en"] */ languages?: string[];
  /** @deprecated use email */ phone?: string;
  /** Seats, if known. */ seats?: integer | null;
 }): Promise<{ id: string }>;
};
