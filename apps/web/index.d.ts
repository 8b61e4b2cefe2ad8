/** Absolute path of apps/web/dist (index.html, community.html, assets/), built by build.mjs. */
export declare const webRoot: string;
