// An outside verifier, written apart from the platform's own code: it gets the
// JWKS, the credential and the status list (files named on the command line),
// checks both signatures with npm jose and reads the credential's status bit.
// Prints one JSON line: {"accepted": bool, "reason": "..."}.
import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { createLocalJWKSet, jwtVerify } from "jose";

const [jwksFile, credentialFile, statusListFile] = process.argv.slice(2);
const keys = createLocalJWKSet(JSON.parse(readFileSync(jwksFile, "utf8")));
const verdict = (accepted, reason) => {
  console.log(JSON.stringify({ accepted, reason }));
  process.exit(0);
};

let credential, statusList;
try {
  ({ payload: credential } = await jwtVerify(readFileSync(credentialFile, "utf8").trim(), keys));
} catch (error) {
  verdict(false, `credential: ${error.code || error.message}`);
}
try {
  ({ payload: statusList } = await jwtVerify(readFileSync(statusListFile, "utf8").trim(), keys));
} catch (error) {
  verdict(false, `status list: ${error.code || error.message}`);
}
const entry = [credential.credentialStatus].flat()[0];
if (entry.statusListCredential !== statusList.id) verdict(false, "status list: not the one named");
const encoded = statusList.credentialSubject.encodedList;
const bits = gunzipSync(Buffer.from(encoded.replace(/^u/, ""), "base64url"));
const index = Number(entry.statusListIndex);
const set = (bits[index >> 3] & (0x80 >> (index & 7))) !== 0;
verdict(!set, set ? `status: ${entry.statusPurpose}` : "valid");
