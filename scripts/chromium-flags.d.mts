export declare const BASE_FLAGS: string[];
export declare const SWIFTSHADER_FLAGS: string[];
