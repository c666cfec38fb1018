// Generated from the API's OpenAPI document (/api/v1/openapi.json) by scripts/generate-api-client.ts
// (npm run generate:api). Do not edit: change the routes or the shared schemas and run it again.
// `npm test` fails while this file is out of date.

export interface paths {
    "/areas": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every area and the organisations in it */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Areas */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Area"][];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/sign-in-link": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Email a one-time sign-in link
         * @description Always answers 202, whether or not the address has an account, so addresses cannot be discovered.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["SignInRequest"];
                };
            };
            responses: {
                /** @description If the address has an account, a link is on its way */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            message: string;
                        };
                    };
                };
                /** @description The request could not be read (for example, malformed JSON) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Some fields are missing or wrong; `fields` names them */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests; see the Retry-After header */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/pairing": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Exchange a pairing code (shown on the web) for an API token */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["PairingRequest"];
                };
            };
            responses: {
                /** @description Paired; keep the token safe */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PairingResponse"];
                    };
                };
                /** @description The request could not be read (for example, malformed JSON) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Some fields are missing or wrong; `fields` names them */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests; see the Retry-After header */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who the caller is: name, roles and alert preferences */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The signed-in person */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Me"];
                    };
                };
                /** @description Sign in, or send an API token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/me/preferences": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Set alert lead times and the daily digest */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["Preferences"];
                };
            };
            responses: {
                /** @description Saved */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Preferences"];
                    };
                };
                /** @description Sign in, or send an API token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Some fields are missing or wrong; `fields` names them */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tokens/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke one of your API tokens (use the current token's id to sign the extension out) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Revoked */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Sign in, or send an API token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Some fields are missing or wrong; `fields` names them */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/areas/{id}/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An area's default thresholds and periods */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Settings */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AreaSettings"];
                    };
                };
                /** @description Sign in, or send an API token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Your role or organisation does not allow this */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Some fields are missing or wrong; `fields` names them */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        /** Change an area's defaults (petitions already open keep theirs) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["AreaSettings"];
                };
            };
            responses: {
                /** @description Saved */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AreaSettings"];
                    };
                };
                /** @description Sign in, or send an API token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Your role or organisation does not allow this */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Some fields are missing or wrong; `fields` names them */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/organisations/{id}/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Set an organisation's own thresholds and periods (null uses the area's) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["OrganisationSettings"];
                };
            };
            responses: {
                /** @description Saved */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["OrganisationSettings"];
                    };
                };
                /** @description Sign in, or send an API token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Your role or organisation does not allow this */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Some fields are missing or wrong; `fields` names them */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/areas/{id}/organisations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add an organisation to an area */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["NewOrganisation"];
                };
            };
            responses: {
                /** @description Added */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Organisation"];
                    };
                };
                /** @description Sign in, or send an API token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Your role or organisation does not allow this */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Some fields are missing or wrong; `fields` names them */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/areas/{id}/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Everyone holding a role in the area's organisations */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Members */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["AreaMember"][];
                        };
                    };
                };
                /** @description Sign in, or send an API token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Your role or organisation does not allow this */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Some fields are missing or wrong; `fields` names them */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Give a person (added if new) a role in one of the area's organisations */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["NewMembership"];
                };
            };
            responses: {
                /** @description Added */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            membershipId: number;
                        };
                    };
                };
                /** @description Sign in, or send an API token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Your role or organisation does not allow this */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not possible in the record's current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Some fields are missing or wrong; `fields` names them */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/memberships/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove a role from a person */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Removed */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Sign in, or send an API token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Your role or organisation does not allow this */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not possible in the record's current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Some fields are missing or wrong; `fields` names them */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/petitions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Search open, closed and rejected petitions by area, organisation, status and words
         * @description Newest first (or `sort=signatures`). `format=csv` gives every match as CSV.
         */
        get: {
            parameters: {
                query?: {
                    page?: number;
                    perPage?: number;
                    areaId?: number;
                    organisationId?: number;
                    status?: "open" | "closed" | "rejected" | "response_owed" | "response_overdue" | "responded" | "referred" | "considered";
                    q?: string;
                    sort?: "recent" | "signatures";
                    format?: "json" | "csv";
                    /** @description The `nextCursor` of the previous page: the next page, read from where that one ended (`page` is then ignored) */
                    after?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of petitions */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PetitionPage"];
                        "text/csv": string;
                    };
                };
                /** @description Some fields are missing or wrong; `fields` names them */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Start a petition; the petitioner confirms by an emailed link before it is checked */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["NewPetition"];
                };
            };
            responses: {
                /** @description A confirmation link is on its way to the petitioner */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Accepted"];
                    };
                };
                /** @description The request could not be read (for example, malformed JSON) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Some fields are missing or wrong; `fields` names them */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests; see the Retry-After header */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/petitions.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The petition search as CSV (the same filters; no names or emails) */
        get: {
            parameters: {
                query?: {
                    page?: number;
                    perPage?: number;
                    areaId?: number;
                    organisationId?: number;
                    status?: "open" | "closed" | "rejected" | "response_owed" | "response_overdue" | "responded" | "referred" | "considered";
                    q?: string;
                    sort?: "recent" | "signatures";
                    format?: "json" | "csv";
                    /** @description The `nextCursor` of the previous page: the next page, read from where that one ended (`page` is then ignored) */
                    after?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description CSV */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/csv": string;
                    };
                };
                /** @description Some fields are missing or wrong; `fields` names them */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/petitions/similar": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Open petitions in the same area like a proposed title (check before starting one) */
        get: {
            parameters: {
                query: {
                    organisationId: number;
                    title: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Up to 5 similar open petitions */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["SimilarPetition"][];
                        };
                    };
                };
                /** @description Some fields are missing or wrong; `fields` names them */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/petitions/confirmation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The petitioner confirms their email (token from the link): the petition goes to be checked */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["TokenInput"];
                };
            };
            responses: {
                /** @description Confirmed */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            petitionId: number;
                            alreadyConfirmed: boolean;
                        };
                    };
                };
                /** @description The request could not be read (for example, malformed JSON) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Some fields are missing or wrong; `fields` names them */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests; see the Retry-After header */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/signatures/confirmation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A signer confirms their email (token from the link): the signature counts */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["TokenInput"];
                };
            };
            responses: {
                /** @description Counted (or already counted) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SignatureConfirmed"];
                    };
                };
                /** @description The request could not be read (for example, malformed JSON) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not possible in the record's current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Some fields are missing or wrong; `fields` names them */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests; see the Retry-After header */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/petitions/moderation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Petitions waiting to be checked (and waiting for their petitioner) in the caller's areas */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The queue, the longest waiting first */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: number;
                                title: string;
                                state: string;
                                organisationName: string;
                                areaName: string;
                                waitingSince: string | null;
                            }[];
                        };
                    };
                };
                /** @description Sign in, or send an API token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Your role or organisation does not allow this */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/petitions/dashboard": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Every petition in the caller's areas, the most urgent first (overdue responses first)
         * @description `format=csv` (or /petitions/dashboard.csv) gives every match as CSV for committee papers.
         */
        get: {
            parameters: {
                query?: {
                    page?: number;
                    perPage?: number;
                    areaId?: number;
                    organisationId?: number;
                    status?: "attention" | "pending" | "draft" | "open" | "closed" | "rejected" | "response_owed" | "response_overdue" | "responded" | "referred" | "considered" | "removed";
                    format?: "json" | "csv";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of the dashboard */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["PetitionDashboardRow"][];
                            page: number;
                            perPage: number;
                            /** @description True when there is a further page */
                            hasMore: boolean;
                        };
                        "text/csv": string;
                    };
                };
                /** @description Sign in, or send an API token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Your role or organisation does not allow this */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Some fields are missing or wrong; `fields` names them */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/petitions/dashboard.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The dashboard as CSV for committee papers (no names or emails) */
        get: {
            parameters: {
                query?: {
                    page?: number;
                    perPage?: number;
                    areaId?: number;
                    organisationId?: number;
                    status?: "attention" | "pending" | "draft" | "open" | "closed" | "rejected" | "response_owed" | "response_overdue" | "responded" | "referred" | "considered" | "removed";
                    format?: "json" | "csv";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description CSV */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/csv": string;
                    };
                };
                /** @description Sign in, or send an API token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Your role or organisation does not allow this */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Some fields are missing or wrong; `fields` names them */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/petitions/inbox": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Petitions addressed to the caller's organisations that owe a response (the soonest due first), and open ones that may come to */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The inbox */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            owed: components["schemas"]["PetitionInboxItem"][];
                            open: components["schemas"]["PetitionInboxItem"][];
                        };
                    };
                };
                /** @description Sign in, or send an API token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Your role or organisation does not allow this */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/petitions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A petition: status, count against thresholds, timeline, response, outcome and signatures by postcode district
         * @description Drafts and petitions waiting to be checked are found only by the area's clerks and administrators. A removed petition answers 410 with the reason.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The petition */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Petition"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The petition was removed; the message gives the reason */
                410: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Some fields are missing or wrong; `fields` names them */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/petitions/{id}/signatures": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign a petition; the signature counts once its emailed link is used (one per email address)
         * @description Signing again with the same address sends a new link and never counts twice.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["SignatureInput"];
                };
            };
            responses: {
                /** @description A confirmation link is on its way */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Accepted"];
                    };
                };
                /** @description The request could not be read (for example, malformed JSON) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not possible in the record's current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Some fields are missing or wrong; `fields` names them */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests; see the Retry-After header */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/petitions/{id}/moderation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Approve (open it, until a closing date) or reject (with a coded reason and an explanation) a petition waiting to be checked */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["ModerationDecision"];
                };
            };
            responses: {
                /** @description Checked */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Petition"];
                    };
                };
                /** @description Sign in, or send an API token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Your role or organisation does not allow this */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not possible in the record's current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Some fields are missing or wrong; `fields` names them */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/petitions/{id}/removal": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Remove a petition from view for legal reasons (its record and reason stay) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["RemovalInput"];
                };
            };
            responses: {
                /** @description Removed */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Sign in, or send an API token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Your role or organisation does not allow this */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not possible in the record's current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Some fields are missing or wrong; `fields` names them */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/petitions/{id}/response/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** How a response will appear (paragraphs), without publishing it */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["ResponseInput"];
                };
            };
            responses: {
                /** @description Preview */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PetitionResponsePreview"];
                    };
                };
                /** @description Sign in, or send an API token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Your role or organisation does not allow this */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not possible in the record's current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Some fields are missing or wrong; `fields` names them */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/petitions/{id}/response": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Publish (or amend) the organisation's response; signers who agreed are emailed once */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["ResponseInput"];
                };
            };
            responses: {
                /** @description Published */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Petition"];
                    };
                };
                /** @description Sign in, or send an API token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Your role or organisation does not allow this */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not possible in the record's current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Some fields are missing or wrong; `fields` names them */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/petitions/{id}/referral": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A clerk refers a petition to the scrutiny committee */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Referred */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Petition"];
                    };
                };
                /** @description Sign in, or send an API token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Your role or organisation does not allow this */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not possible in the record's current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Some fields are missing or wrong; `fields` names them */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/petitions/{id}/petitioner-referral": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The petitioner, not satisfied with the response, refers it to the scrutiny committee (token from the response email) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["TokenInput"];
                };
            };
            responses: {
                /** @description Referred */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Petition"];
                    };
                };
                /** @description The request could not be read (for example, malformed JSON) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not possible in the record's current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Some fields are missing or wrong; `fields` names them */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests; see the Retry-After header */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/petitions/{id}/scrutiny": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Record (or amend) the scrutiny committee's consideration: meeting date, decision and the published outcome */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["ScrutinyInput"];
                };
            };
            responses: {
                /** @description Recorded */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Petition"];
                    };
                };
                /** @description Sign in, or send an API token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Your role or organisation does not allow this */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not possible in the record's current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Some fields are missing or wrong; `fields` names them */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/areas/{id}/petition-feeds": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The area's calendar addresses for petition response due dates (addresses themselves are never shown again) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Active calendar addresses */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["PetitionFeedToken"][];
                        };
                    };
                };
                /** @description Sign in, or send an API token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Your role or organisation does not allow this */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not possible in the record's current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Some fields are missing or wrong; `fields` names them */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Create a private iCalendar address of the area's petition response due dates (Outlook, Google Calendar) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Created; the address is shown once */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PetitionFeedTokenCreated"];
                    };
                };
                /** @description Sign in, or send an API token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Your role or organisation does not allow this */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not possible in the record's current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Some fields are missing or wrong; `fields` names them */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/petition-feeds/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Turn off a calendar address */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Turned off */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Sign in, or send an API token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Your role or organisation does not allow this */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not possible in the record's current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Some fields are missing or wrong; `fields` names them */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/consultations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List and search consultations by area and status (status is computed at the time of reading) */
        get: {
            parameters: {
                query?: {
                    page?: number;
                    perPage?: number;
                    areaId?: number;
                    status?: "upcoming" | "open" | "closing_soon" | "closed" | "outcome_published" | "withdrawn" | "current" | "outcome_overdue";
                    q?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of consultations */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ConsultationPage"];
                    };
                };
                /** @description The request could not be read (for example, malformed JSON) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Some fields are missing or wrong; `fields` names them */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests; see the Retry-After header */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Create or clip a consultation (saved once per address per area; the caller watches it)
         * @description Responders create consultations for their own organisation; LINk members for any organisation in their area. If the canonical address is already tracked in the area, or the clientId was used before, answers 200 with that record (`created: false`).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["ConsultationInput"];
                };
            };
            responses: {
                /** @description Already tracked */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ConsultationSaved"];
                    };
                };
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ConsultationSaved"];
                    };
                };
                /** @description Sign in, or send an API token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Your role or organisation does not allow this */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not possible in the record's current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Some fields are missing or wrong; `fields` names them */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/consultations/lookup": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Find the consultation tracked at a page address (any form of it: tracking parameters, case, trailing slash) */
        get: {
            parameters: {
                query: {
                    url: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Tracked */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ConsultationLookup"];
                    };
                };
                /** @description The request could not be read (for example, malformed JSON) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Some fields are missing or wrong; `fields` names them */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests; see the Retry-After header */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/consultations/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One consultation, with its outcome */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The consultation */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Consultation"];
                    };
                };
                /** @description The request could not be read (for example, malformed JSON) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Some fields are missing or wrong; `fields` names them */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests; see the Retry-After header */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change a consultation's details (watchers' alerts follow a new closing date) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["ConsultationUpdate"];
                };
            };
            responses: {
                /** @description Saved */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Consultation"];
                    };
                };
                /** @description Sign in, or send an API token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Your role or organisation does not allow this */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not possible in the record's current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Some fields are missing or wrong; `fields` names them */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/consultations/{id}/outcome": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Publish or amend the outcome: what people said, what was decided, what changed
         * @description Only the organisation running the consultation, once it has closed. Everyone watching it is emailed once.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["OutcomeInput"];
                };
            };
            responses: {
                /** @description Published */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Consultation"];
                    };
                };
                /** @description Sign in, or send an API token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Your role or organisation does not allow this */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not possible in the record's current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Some fields are missing or wrong; `fields` names them */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/consultations/{id}/withdraw": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Withdraw a consultation (cancelled, or not a consultation after all), saying why; watchers' reminders stop */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["ConsultationWithdrawInput"];
                };
            };
            responses: {
                /** @description Withdrawn */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Consultation"];
                    };
                };
                /** @description Sign in, or send an API token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Your role or organisation does not allow this */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not possible in the record's current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Some fields are missing or wrong; `fields` names them */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/consultations/{id}/reinstate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reinstate a withdrawn consultation; watchers' reminders resume */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Reinstated */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Consultation"];
                    };
                };
                /** @description Sign in, or send an API token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Your role or organisation does not allow this */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not possible in the record's current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Some fields are missing or wrong; `fields` names them */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/consultations/{id}/link-response": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record the date the LINk sent its response to the consultation */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["LinkResponseInput"];
                };
            };
            responses: {
                /** @description Recorded */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Consultation"];
                    };
                };
                /** @description Sign in, or send an API token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Your role or organisation does not allow this */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not possible in the record's current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Some fields are missing or wrong; `fields` names them */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/obligations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Requests involving your organisations (or your area, for scrutiny clerks and administrators) */
        get: {
            parameters: {
                query?: {
                    page?: number;
                    perPage?: number;
                    status?: "open" | "overdue" | "met" | "withdrawn";
                    organisationId?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of requests */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ObligationPage"];
                    };
                };
                /** @description Sign in, or send an API token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Your role or organisation does not allow this */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Some fields are missing or wrong; `fields` names them */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Raise a request for information, a report or recommendation, or a referral to scrutiny
         * @description Due by the end of the Nth working day after receipt (N from the area's settings, 20 by default; bank holidays excluded). A scrutiny committee's consultation response is due on the date the consulting body set (`dueDate`).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["ObligationInput"];
                };
            };
            responses: {
                /** @description Already raised with this clientId */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ObligationSaved"];
                    };
                };
                /** @description Raised */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ObligationSaved"];
                    };
                };
                /** @description Sign in, or send an API token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Your role or organisation does not allow this */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not possible in the record's current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Some fields are missing or wrong; `fields` names them */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/obligations/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A request with its whole thread and timeline (both sides, and the area's clerks, can read it) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The request */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ObligationDetail"];
                    };
                };
                /** @description Sign in, or send an API token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Your role or organisation does not allow this */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/obligations/{id}/replies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Answer a request for the owing organisation: it is then met (on time or late, recorded) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["ReplyInput"];
                };
            };
            responses: {
                /** @description Answered */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ObligationDetail"];
                    };
                };
                /** @description Sign in, or send an API token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Your role or organisation does not allow this */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not possible in the record's current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Some fields are missing or wrong; `fields` names them */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/obligations/{id}/notes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add a note to the thread, for the side that raised it */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["NoteInput"];
                };
            };
            responses: {
                /** @description Added */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ObligationDetail"];
                    };
                };
                /** @description Sign in, or send an API token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Your role or organisation does not allow this */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not possible in the record's current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Some fields are missing or wrong; `fields` names them */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/obligations/{id}/withdraw": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Withdraw a request, for the side that raised it, saying why */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["WithdrawInput"];
                };
            };
            responses: {
                /** @description Withdrawn */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ObligationDetail"];
                    };
                };
                /** @description Sign in, or send an API token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Your role or organisation does not allow this */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not possible in the record's current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Some fields are missing or wrong; `fields` names them */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/watches": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Everything you watch */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Your watches */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Watch"][];
                        };
                    };
                };
                /** @description Sign in, or send an API token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Watch a consultation, petition or request: alerts at your lead times before its deadlines */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["WatchInput"];
                };
            };
            responses: {
                /** @description Already watching */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Watch"];
                    };
                };
                /** @description Now watching */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Watch"];
                    };
                };
                /** @description Sign in, or send an API token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Your role or organisation does not allow this */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Some fields are missing or wrong; `fields` names them */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/watches/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Stop watching */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No longer watching */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Sign in, or send an API token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Some fields are missing or wrong; `fields` names them */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/me/alerts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your upcoming deadlines (from a day ago), soonest first, with the lead times already reached */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Deadlines of what you watch */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Alerts"];
                    };
                };
                /** @description Sign in, or send an API token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/organisations/{id}/clock": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Everything open that involves an organisation, soonest due first, with overdue, due-this-week and answered-late counts */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The organisation's clock */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Clock"];
                    };
                };
                /** @description Sign in, or send an API token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Your role or organisation does not allow this */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        Area: {
            id: number;
            slug: string;
            name: string;
            organisations: components["schemas"]["Organisation"][];
        };
        Organisation: {
            id: number;
            areaId: number;
            slug: string;
            name: string;
            /** @enum {string} */
            kind: "pct" | "ccg" | "trust" | "foundation_trust" | "local_authority" | "osc" | "link" | "healthwatch" | "health_and_wellbeing_board" | "other";
            /** @description The body this one replaced (e.g. the PCT a CCG succeeded) */
            predecessorId: number | null;
        };
        Error: {
            error: {
                /** @example validation_failed */
                code: string;
                /** @example Some of the details are missing or wrong. */
                message: string;
                /**
                 * @description Field path → what is wrong with it
                 * @example {
                 *       "email": "Enter an email address"
                 *     }
                 */
                fields?: {
                    [key: string]: string;
                };
            };
        };
        SignInRequest: {
            email: string;
        };
        PairingResponse: {
            /** @description API token for the Authorization: Bearer header. Shown once. */
            token: string;
            tokenId: number;
            me: components["schemas"]["Me"];
        };
        Me: {
            id: number;
            name: string;
            email: string;
            memberships: components["schemas"]["Membership"][];
            leadTimes: number[];
            dailyDigest: boolean;
        };
        Membership: {
            organisationId: number;
            organisationName: string;
            /** @enum {string} */
            organisationKind: "pct" | "ccg" | "trust" | "foundation_trust" | "local_authority" | "osc" | "link" | "healthwatch" | "health_and_wellbeing_board" | "other";
            areaId: number;
            areaName: string;
            /** @enum {string} */
            role: "link_member" | "osc_clerk" | "responder" | "admin";
        };
        PairingRequest: {
            code: string;
            label?: string;
        };
        Preferences: {
            /**
             * @description Days before each deadline to alert; 0 is the day itself
             * @example [
             *       14,
             *       7,
             *       2,
             *       1,
             *       0
             *     ]
             */
            leadTimes: number[];
            dailyDigest: boolean;
        };
        AreaSettings: {
            responseThreshold: number;
            scrutinyThreshold: number;
            responseWorkingDays: number;
            petitionDurationDays: number;
            informationRequestWorkingDays: number;
            reportWorkingDays: number;
            referralWorkingDays: number;
            outcomeOverdueWeeks: number;
            signerDataRetentionDays?: number;
        };
        /** @description null uses the area's default */
        OrganisationSettings: {
            responseThreshold: null | number;
            scrutinyThreshold: null | number;
            responseWorkingDays: null | number;
            petitionDurationDays: null | number;
        };
        NewOrganisation: {
            name: string;
            /** @enum {string} */
            kind: "pct" | "ccg" | "trust" | "foundation_trust" | "local_authority" | "osc" | "link" | "healthwatch" | "health_and_wellbeing_board" | "other";
            email?: string;
            predecessorId?: number;
        };
        AreaMember: {
            membershipId: number;
            personId: number;
            name: string;
            email: string;
            organisationId: number;
            organisationName: string;
            /** @enum {string} */
            role: "link_member" | "osc_clerk" | "responder" | "admin";
        };
        NewMembership: {
            name: string;
            email: string;
            organisationId: number;
            /** @enum {string} */
            role: "link_member" | "osc_clerk" | "responder" | "admin";
        };
        PetitionPage: {
            items: components["schemas"]["PetitionSummary"][];
            page: number;
            perPage: number;
            /** @description True when there is a further page */
            hasMore: boolean;
            /** @description Pass as `after` for the next page (null on the last page) */
            nextCursor: string | null;
        };
        PetitionSummary: {
            id: number;
            areaId: number;
            areaName: string;
            organisationId: number;
            organisationName: string;
            title: string;
            /** @description The petition's own lifecycle: open, closed, rejected (and, for clerks, draft or pending) */
            state: string;
            /**
             * @description Where it is, from its lifecycle, response and scrutiny
             * @enum {string}
             */
            status: "draft" | "pending" | "open" | "closed" | "rejected" | "removed" | "response_owed" | "response_overdue" | "responded" | "referred" | "considered";
            statusText: string;
            signatureCount: number;
            responseThreshold: number | null;
            scrutinyThreshold: number | null;
            openedAt: string | null;
            closesAt: string | null;
            responseDueAt: string | null;
            webUrl: string;
        };
        SimilarPetition: {
            id: number;
            title: string;
            organisationName: string;
            signatureCount: number;
            webUrl: string;
        };
        Accepted: {
            message: string;
        };
        NewPetition: {
            organisationId: number;
            title: string;
            action: string;
            background: string;
            petitionerName: string;
            petitionerEmail: string;
        };
        TokenInput: {
            token: string;
        };
        SignatureConfirmed: {
            petitionId: number;
            signatureCount: number;
            alreadyConfirmed: boolean;
        };
        PetitionDashboardRow: {
            id: number;
            areaId: number;
            areaName: string;
            organisationId: number;
            organisationName: string;
            title: string;
            /** @description The petition's own lifecycle: open, closed, rejected (and, for clerks, draft or pending) */
            state: string;
            /**
             * @description Where it is, from its lifecycle, response and scrutiny
             * @enum {string}
             */
            status: "draft" | "pending" | "open" | "closed" | "rejected" | "removed" | "response_owed" | "response_overdue" | "responded" | "referred" | "considered";
            statusText: string;
            signatureCount: number;
            responseThreshold: number | null;
            scrutinyThreshold: number | null;
            openedAt: string | null;
            closesAt: string | null;
            responseDueAt: string | null;
            webUrl: string;
            createdAt: string;
            responseThresholdReachedAt: string | null;
            respondedAt: string | null;
            /** @description Working days past the response due date, while a response is owed */
            workingDaysOverdue: number | null;
            scrutinyState: string;
            referredAt: string | null;
        };
        PetitionInboxItem: {
            id: number;
            areaId: number;
            areaName: string;
            organisationId: number;
            organisationName: string;
            title: string;
            /** @description The petition's own lifecycle: open, closed, rejected (and, for clerks, draft or pending) */
            state: string;
            /**
             * @description Where it is, from its lifecycle, response and scrutiny
             * @enum {string}
             */
            status: "draft" | "pending" | "open" | "closed" | "rejected" | "removed" | "response_owed" | "response_overdue" | "responded" | "referred" | "considered";
            statusText: string;
            signatureCount: number;
            responseThreshold: number | null;
            scrutinyThreshold: number | null;
            openedAt: string | null;
            closesAt: string | null;
            responseDueAt: string | null;
            webUrl: string;
            overdue: boolean;
            workingDaysOverdue: number | null;
        };
        Petition: {
            id: number;
            areaId: number;
            areaName: string;
            organisationId: number;
            organisationName: string;
            title: string;
            /** @description The petition's own lifecycle: open, closed, rejected (and, for clerks, draft or pending) */
            state: string;
            /**
             * @description Where it is, from its lifecycle, response and scrutiny
             * @enum {string}
             */
            status: "draft" | "pending" | "open" | "closed" | "rejected" | "removed" | "response_owed" | "response_overdue" | "responded" | "referred" | "considered";
            statusText: string;
            signatureCount: number;
            responseThreshold: number | null;
            scrutinyThreshold: number | null;
            openedAt: string | null;
            closesAt: string | null;
            responseDueAt: string | null;
            webUrl: string;
            action: string;
            background: string;
            rejection: {
                /** @enum {string} */
                code: "duplicate" | "not_local_health" | "personal_or_offensive" | "not_their_responsibility" | "other";
                reason: string;
                explanation: string | null;
            } | null;
            responseThresholdReachedAt: string | null;
            scrutinyThresholdReachedAt: string | null;
            response: {
                text: string;
                respondedAt: string;
            } | null;
            scrutiny: {
                /** @enum {string} */
                state: "none" | "referred" | "considered";
                referredAt: string | null;
                /** @enum {string|null} */
                referralReason: "threshold" | "dissatisfied" | "clerk" | null;
                meetingDate: string | null;
                decision: string | null;
                outcome: string | null;
                consideredAt: string | null;
            };
            timeline: components["schemas"]["PetitionTimelineEntry"][];
            /** @description Confirmed signatures by postcode district (the most first, up to 50); never names or emails */
            districts: {
                district: string;
                signatures: number;
            }[];
        };
        PetitionTimelineEntry: {
            /** @description ISO instant */
            at: string;
            /** @enum {string} */
            kind: "opened" | "response_threshold_reached" | "response_due" | "responded" | "scrutiny_threshold_reached" | "referred" | "considered" | "closed" | "rejected" | "removed";
            text: string;
        };
        SignatureInput: {
            name: string;
            email: string;
            /** @example NR1 1AA */
            postcode: string;
            /** @description The signer agrees to be emailed about the response and outcome */
            contactConsent?: boolean;
        };
        ModerationDecision: components["schemas"]["Approval"] | components["schemas"]["Rejection"];
        Approval: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            decision: "approve";
            /**
             * @description The last day for signatures (London); the organisation's default duration when omitted
             * @example 2026-03-12
             */
            closesOn?: string;
        };
        Rejection: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            decision: "reject";
            /** @enum {string} */
            reason: "duplicate" | "not_local_health" | "personal_or_offensive" | "not_their_responsibility" | "other";
            explanation: string;
        };
        RemovalInput: {
            /** @enum {string} */
            reason: "personal_or_offensive";
            explanation: string;
        };
        PetitionResponsePreview: {
            /** @description The text as it will appear, one entry a paragraph */
            paragraphs: string[];
        };
        ResponseInput: {
            /** @description Plain text; a blank line starts a new paragraph */
            text: string;
        };
        ScrutinyInput: {
            /** @example 2026-03-12 */
            meetingDate: string;
            decision: string;
            /** @description Published on the petition page; plain text with paragraphs */
            outcome: string;
        };
        PetitionFeedToken: {
            id: number;
            organisationId: number;
            createdAt: string;
            createdBy: string;
        };
        PetitionFeedTokenCreated: {
            id: number;
            /** @description The calendar address; shown once, keep it private */
            url: string;
        };
        ConsultationSaved: {
            consultation: components["schemas"]["Consultation"];
            /** @description False when the page was already tracked (or the clientId already used) */
            created: boolean;
            watching: boolean;
        };
        Consultation: {
            id: number;
            areaId: number;
            organisationId: number;
            organisationName: string;
            title: string;
            url: string | null;
            canonicalUrl: string | null;
            summary: string;
            opensAt: string | null;
            closesAt: string | null;
            /** @enum {string|null} */
            stage: "assessing_needs" | "deciding_priorities" | "designing_services" | "reviewing_provision" | "managing_performance" | "evaluating_services" | "procurement" | null;
            /** @enum {string|null} */
            method: "formal_consultation" | "public_meeting" | "survey" | "focus_group" | "patient_panel" | "citizens_jury" | "deliberative_event" | "research_study" | "rapid_appraisal" | "other" | null;
            /**
             * @description Computed from the dates at the time of reading
             * @enum {string}
             */
            status: "upcoming" | "open" | "closing_soon" | "closed" | "outcome_published" | "withdrawn";
            /** @description Closed, no outcome, and past the area's outcome period */
            outcomeOverdue: boolean;
            /** @description You said, we did */
            outcome: {
                said: string;
                decided: string;
                changed: string;
                publishedAt: string;
            } | null;
            linkRespondedAt: string | null;
            /** @description When the outcome is flagged overdue if not published: closing plus the area's outcome period */
            outcomeDueAt: string | null;
            /** @description The consultation's page on this service */
            webUrl: string;
            createdAt: string;
            updatedAt: string;
        };
        ConsultationInput: {
            /** @description Idempotency key made by the client (e.g. a UUID) */
            clientId?: string;
            areaId: number;
            organisationId: number;
            title: string;
            url?: string;
            /** @default  */
            summary: string;
            /**
             * Format: date-time
             * @default null
             */
            opensAt: string | null;
            /**
             * Format: date-time
             * @default null
             */
            closesAt: string | null;
            /**
             * @default null
             * @enum {string|null}
             */
            stage: "assessing_needs" | "deciding_priorities" | "designing_services" | "reviewing_provision" | "managing_performance" | "evaluating_services" | "procurement" | null;
            /**
             * @default null
             * @enum {string|null}
             */
            method: "formal_consultation" | "public_meeting" | "survey" | "focus_group" | "patient_panel" | "citizens_jury" | "deliberative_event" | "research_study" | "rapid_appraisal" | "other" | null;
        };
        ConsultationLookup: {
            consultation: components["schemas"]["Consultation"];
            watching: boolean;
        };
        ConsultationPage: {
            items: components["schemas"]["Consultation"][];
            page: number;
            perPage: number;
            /** @description True when there is a further page */
            hasMore: boolean;
        };
        ConsultationUpdate: {
            title?: string;
            url?: string | null;
            summary?: string;
            /** Format: date-time */
            opensAt?: string | null;
            /** Format: date-time */
            closesAt?: string | null;
            /** @enum {string|null} */
            stage?: "assessing_needs" | "deciding_priorities" | "designing_services" | "reviewing_provision" | "managing_performance" | "evaluating_services" | "procurement" | null;
            /** @enum {string|null} */
            method?: "formal_consultation" | "public_meeting" | "survey" | "focus_group" | "patient_panel" | "citizens_jury" | "deliberative_event" | "research_study" | "rapid_appraisal" | "other" | null;
        };
        OutcomeInput: {
            said: string;
            decided: string;
            changed: string;
        };
        /** @description For example: the consultation was cancelled, or the page clipped was not a consultation */
        ConsultationWithdrawInput: {
            reason: string;
        };
        LinkResponseInput: {
            /**
             * @description The date the LINk sent its response
             * @example 2026-03-12
             */
            respondedOn: string;
        };
        ObligationSaved: {
            obligation: components["schemas"]["Obligation"];
            /** @description False when the clientId was used before: the first save is returned */
            created: boolean;
        };
        Obligation: {
            id: number;
            areaId: number;
            /** @enum {string} */
            kind: "information_request" | "report" | "osc_referral" | "petition_response" | "osc_consultation_response";
            kindLabel: string;
            title: string;
            body: string;
            owedBy: {
                id: number;
                name: string;
            };
            owedTo: {
                id: number;
                name: string;
            } | null;
            receivedAt: string;
            /** @description The end of the due day, Europe/London */
            dueAt: string;
            /** @description The London date it is due by */
            dueDate: string;
            /** @enum {string} */
            state: "open" | "met" | "withdrawn";
            /**
             * @description State, with open ones past their due date shown as overdue
             * @enum {string}
             */
            status: "open" | "overdue" | "met" | "withdrawn";
            metAt: string | null;
            metLate: boolean | null;
            withdrawnAt: string | null;
            webUrl: string;
            createdAt: string;
            updatedAt: string;
        };
        ObligationInput: {
            /** @description Idempotency key made by the client: a retried save returns the first */
            clientId?: string;
            /** @enum {string} */
            kind: "information_request" | "report" | "osc_referral" | "osc_consultation_response";
            owedByOrganisationId: number;
            owedToOrganisationId: number;
            title: string;
            body: string;
            /** @default [] */
            links: components["schemas"]["Link"][];
            /**
             * @description The date the owing organisation received it (default today); the due date counts working days from here
             * @example 2026-03-12
             */
            receivedOn?: string;
            /**
             * @description Only for a scrutiny committee's consultation response: the date the consulting body set
             * @example 2026-03-12
             */
            dueDate?: string;
        };
        Link: {
            title: string;
            url: string;
        };
        ObligationPage: {
            items: components["schemas"]["Obligation"][];
            page: number;
            perPage: number;
            /** @description True when there is a further page */
            hasMore: boolean;
        };
        ObligationDetail: {
            obligation: components["schemas"]["Obligation"];
            messages: components["schemas"]["ObligationMessage"][];
            timeline: components["schemas"]["TimelineEntry"][];
        };
        ObligationMessage: {
            id: number;
            /** @enum {string} */
            kind: "request" | "reply" | "note";
            body: string;
            links: components["schemas"]["Link"][];
            authorName: string | null;
            authorOrganisationName: string | null;
            createdAt: string;
        };
        TimelineEntry: {
            at: string;
            who: string;
            what: string;
        };
        /** @description The owing organisation's answer: it meets the obligation */
        ReplyInput: {
            body: string;
            /** @default [] */
            links: components["schemas"]["Link"][];
        };
        NoteInput: {
            body: string;
            /** @default [] */
            links: components["schemas"]["Link"][];
        };
        WithdrawInput: {
            reason: string;
        };
        Watch: {
            id: number;
            /** @enum {string} */
            targetKind: "consultation" | "petition" | "obligation";
            targetId: number;
            createdAt: string;
        };
        WatchInput: {
            /** @enum {string} */
            targetKind: "consultation" | "petition" | "obligation";
            targetId: number;
        };
        Alerts: {
            generatedAt: string;
            leadTimes: number[];
            items: components["schemas"]["AlertItem"][];
        };
        AlertItem: {
            /** @description Stable id of this deadline, e.g. consultation:12:closes:2026-03-12T23:59:00.000Z */
            key: string;
            watchId: number;
            /** @enum {string} */
            targetKind: "consultation" | "petition" | "obligation";
            targetId: number;
            title: string;
            /** @enum {string} */
            deadlineKind: "closes" | "response_due" | "reply_due";
            deadlineAt: string;
            /** @description The record's page on this service */
            webUrl: string;
            /** @description The consultation's own page, where there is one */
            url: string | null;
            /** @description The person's lead times (days) already reached for this deadline */
            leadTimesReached: number[];
        };
        Clock: {
            organisation: {
                id: number;
                name: string;
                areaId: number;
            };
            generatedAt: string;
            counts: components["schemas"]["ClockCounts"];
            items: components["schemas"]["ClockItem"][];
        };
        ClockCounts: {
            overdue: number;
            /** @description Due within the next 7 days */
            dueThisWeek: number;
            /** @description Requests answered after their due date (all time) */
            metLate: number;
            metOnTime: number;
        };
        ClockItem: {
            /** @description Stable id, also the calendar event's UID */
            key: string;
            /** @enum {string} */
            type: "obligation" | "consultation_closes" | "outcome_due";
            /** @enum {string|null} */
            obligationKind: "information_request" | "report" | "osc_referral" | "petition_response" | "osc_consultation_response" | null;
            /** @description What is due, in words: 'Request for information', 'Consultation closes' */
            label: string;
            title: string;
            /** @description The organisation that must act */
            owedBy: string;
            owedTo: string | null;
            deadlineAt: string;
            /** @description Due by the end of a day (true) or at an exact time (false) */
            allDay: boolean;
            overdue: boolean;
            webUrl: string;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
