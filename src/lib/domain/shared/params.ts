/** A query parameter that could not be used, and why (the API answers 400 naming it). */
export interface ParamError {
	param: string;
	code: 'unknown_value' | 'not_a_number' | 'out_of_range' | 'bad_format' | 'too_long';
	value: string;
}
