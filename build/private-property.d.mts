/** Internal property names (a letter first, one `_` last): the IIFE build shortens them. */
export declare const PRIVATE_PROPERTY: RegExp;
