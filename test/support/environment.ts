/**
 * The environment every test file runs in (jest `setupFiles`, before the file's imports).
 *
 * The AWS SDK v3 prints a NodeVersionSupportWarning once per process on Node 20: SDK releases after the first
 * week of January 2027 will need Node 22. It is about future SDK versions, not the ones package-lock.json
 * pins, and the Lambda runs nodejs22.x; a test run cannot act on it, so the suite turns it off with the SDK's
 * own switch. The README says what it means for the local tools.
 */
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
