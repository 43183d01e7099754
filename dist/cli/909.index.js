export const id = 909;
export const ids = [909];
export const modules = {

/***/ 6909:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  RULES: () => (/* reexport */ spec/* RULES */.y0),
  describeFailures: () => (/* reexport */ spec/* describeFailures */.ng),
  evaluateGate: () => (/* binding */ evaluateGate),
  loadGate: () => (/* binding */ loadGate)
});

// EXTERNAL MODULE: ./src/runtime/errors.ts
var errors = __webpack_require__(9541);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./node_modules/@sigstore/bundle/dist/index.js
var dist = __webpack_require__(1040);
// EXTERNAL MODULE: ./node_modules/@sigstore/protobuf-specs/dist/index.js
var protobuf_specs_dist = __webpack_require__(7273);
// EXTERNAL MODULE: ./node_modules/@sigstore/tuf/seeds.json
var seeds = __webpack_require__(8032);
// EXTERNAL MODULE: ./node_modules/@sigstore/verify/dist/index.js
var verify_dist = __webpack_require__(4187);
;// CONCATENATED MODULE: ./src/policy/sigstore.ts





/** The Sigstore public-good trusted root, as @sigstore/tuf ships it (its TUF seed). */
const PUBLIC_GOOD_TUF = 'https://tuf-repo-cdn.sigstore.dev';
/** The bundle format version its media type names (0.1, 0.2, 0.3), or undefined. */
function bundleVersion(mediaType) {
    return (/^application\/vnd\.dev\.sigstore\.bundle\.v(\d+\.\d+)\+json$/.exec(mediaType)?.[1] ??
        /^application\/vnd\.dev\.sigstore\.bundle\+json;\s*version=(\d+\.\d+)$/.exec(mediaType)?.[1]);
}
function versionBelow(version, min) {
    const [a1, a2] = version.split('.').map(Number);
    const [b1, b2] = min.split('.').map(Number);
    return a1 < b1 || (a1 === b1 && a2 < b2);
}
/** A trusted root that does not say when each of its keys starts being valid is refused (sigstore-conformance). */
class TrustRootError extends Error {
}
function defaultTrustedRoot() {
    const entry = seeds[PUBLIC_GOOD_TUF];
    const text = Buffer.from(entry.targets['trusted_root.json'], 'base64').toString('utf8');
    return {
        kind: 'root',
        root: parseTrustedRoot(text, 'the Sigstore public-good trusted root'),
        name: 'public-good',
    };
}
/** A trusted_root.json (application/vnd.dev.sigstore.trustedroot+json;version=0.1), checked. */
function parseTrustedRoot(text, name) {
    let json;
    try {
        json = JSON.parse(text);
    }
    catch (error) {
        throw new TrustRootError(`${name} is not JSON (${error.message})`);
    }
    if (typeof json !== 'object' ||
        json === null ||
        !String(json.mediaType ?? '').startsWith('application/vnd.dev.sigstore.trustedroot'))
        throw new TrustRootError(`${name} is not a Sigstore trusted root (no trustedroot mediaType)`);
    const root = protobuf_specs_dist.TrustedRoot.fromJSON(json);
    const periods = [
        ...root.tlogs.map((t) => [`transparency log ${t.baseUrl}`, t.publicKey?.validFor]),
        ...root.ctlogs.map((t) => [`CT log ${t.baseUrl}`, t.publicKey?.validFor]),
        ...root.certificateAuthorities.map((c) => [`certificate authority ${c.uri}`, c.validFor]),
        ...root.timestampAuthorities.map((c) => [`timestamp authority ${c.uri}`, c.validFor]),
    ];
    for (const [what, validFor] of periods)
        if (!validFor?.start)
            throw new TrustRootError(`${name}: the ${what} has no validFor.start (a key with no start of validity is not trusted)`);
    return root;
}
/** A PEM public key (SPKI), as cosign writes it. */
function parsePublicKey(pem, name) {
    try {
        return (0,external_node_crypto_.createPublicKey)(pem);
    }
    catch (error) {
        throw new TrustRootError(`${name} is not a PEM public key (${error.message})`);
    }
}
function subjectOf(bytes, digest) {
    const digests = [
        `sha256:${(0,external_node_crypto_.createHash)('sha256').update(bytes).digest('hex')}`,
        `sha512:${(0,external_node_crypto_.createHash)('sha512').update(bytes).digest('hex')}`,
    ];
    if (digest && !digests.includes(digest))
        digests.push(digest);
    return { bytes, digests };
}
function fail(reason, extra = {}) {
    return { ok: false, reason, ...extra };
}
/**
 * Verifies one Sigstore bundle (v0.1–v0.3) with @sigstore/verify: signature, certificate chain to
 * the trusted root's Fulcio CA, SCTs, transparency log inclusion and timestamps; then the identity
 * policy; then that it is about the subject (a DSSE statement's subject names one of its digests; a
 * message signature's digest is the subject's). Never throws for a bad bundle: the verdict says why.
 */
function verifyBundle(text, subject, trust, policy) {
    let json;
    try {
        json = JSON.parse(typeof text === 'string' ? text : Buffer.from(text).toString('utf8'));
    }
    catch (error) {
        return fail(`the bundle is not JSON (${error.message})`);
    }
    const mediaType = String(json?.mediaType ?? '');
    let bundle;
    try {
        bundle = (0,dist/* bundleFromJSON */.vw)(json);
    }
    catch (error) {
        return fail(`the bundle is malformed (${error.message})`, { mediaType });
    }
    if (policy.minBundleVersion) {
        const version = bundleVersion(mediaType);
        if (!version || versionBelow(version, policy.minBundleVersion))
            return fail(`expected a bundle of version ${policy.minBundleVersion} or later, found ${version ?? mediaType}`, {
                mediaType,
            });
    }
    const content = bundle.content;
    let entity;
    try {
        entity = (0,verify_dist/* toSignedEntity */.DC)(bundle, subject.bytes ? Buffer.from(subject.bytes) : undefined);
    }
    catch (error) {
        return fail(`the bundle is malformed (${error.message})`, { mediaType });
    }
    const isKeyBundle = bundle.verificationMaterial.content.$case === 'publicKey';
    let material;
    let options;
    if (trust.kind === 'key') {
        if (!isKeyBundle)
            return fail('expected a bundle signed with the given public key, found a certificate (keyless) bundle', {
                mediaType,
            });
        const key = trust.key;
        material = (0,verify_dist/* toTrustMaterial */.jO)(trust.root ?? emptyRoot(), () => ({ publicKey: key, validFor: () => true }));
        options = trust.transparencyLog
            ? { tlogThreshold: 1, ctlogThreshold: 0, timestampThreshold: 1 }
            : { tlogThreshold: 0, ctlogThreshold: 0, timestampThreshold: 0 };
    }
    else {
        if (isKeyBundle)
            return fail('expected a keyless (certificate) bundle: it is signed with a public key and no key was given', {
                mediaType,
            });
        material = (0,verify_dist/* toTrustMaterial */.jO)(trust.root);
        options = { tlogThreshold: 1, ctlogThreshold: 1, timestampThreshold: 1 };
    }
    if (content.$case === 'messageSignature' && !subject.bytes)
        return fail('a message signature needs the signed bytes', { mediaType });
    const verificationPolicy = {};
    if (trust.kind === 'root') {
        if (policy.identity !== undefined)
            verificationPolicy.subjectAlternativeName = new RegExp(`^${escapeRegExp(policy.identity)}$`);
        else if (policy.identityPattern !== undefined)
            verificationPolicy.subjectAlternativeName = anchored(policy.identityPattern);
        if (policy.issuer !== undefined)
            verificationPolicy.extensions = { issuer: policy.issuer };
    }
    let signer;
    try {
        signer = new verify_dist/* Verifier */.BL(material, options).verify(entity, verificationPolicy);
    }
    catch (error) {
        const e = error;
        return fail(`${e.code ? `${e.code}: ` : ''}${e.message ?? String(error)}`, { mediaType });
    }
    const found = trust.kind === 'key'
        ? { key: true }
        : { identity: signer.identity?.subjectAlternativeName, issuer: signer.identity?.extensions?.issuer };
    if (content.$case === 'messageSignature') {
        const digest = content.messageSignature.messageDigest;
        const hex = Buffer.from(digest?.digest ?? []).toString('hex');
        if (!subject.digests.some((d) => d.endsWith(`:${hex}`)))
            return fail(`the signature is over ${hex || 'no digest'}, not ${subject.digests[0]}`, {
                mediaType,
                signer: found,
            });
        return { ok: true, signer: found, mediaType };
    }
    const envelope = content.dsseEnvelope;
    if (envelope.payloadType !== 'application/vnd.in-toto+json')
        return fail(`expected an in-toto statement (payloadType application/vnd.in-toto+json), found ${envelope.payloadType}`, {
            mediaType,
            signer: found,
        });
    let statement;
    try {
        statement = JSON.parse(Buffer.from(envelope.payload).toString('utf8'));
    }
    catch (error) {
        return fail(`the statement is not JSON (${error.message})`, { mediaType, signer: found });
    }
    const subjects = Array.isArray(statement?.subject) ? statement.subject : [];
    const named = subjects.flatMap((s) => Object.entries(s?.digest ?? {}).map(([alg, hex]) => `${alg.toLowerCase()}:${String(hex).toLowerCase()}`));
    if (!named.some((d) => subject.digests.includes(d)))
        return fail(`the statement's subject is ${named.join(', ') || 'empty'}, not ${subject.digests[0]}`, {
            mediaType,
            signer: found,
            statement,
        });
    return { ok: true, signer: found, statement, mediaType };
}
function escapeRegExp(text) {
    return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
/** The whole identity must match (cosign's --certificate-identity-regexp matches anywhere; a gate should not). */
function anchored(pattern) {
    return new RegExp(`^(?:${pattern})$`);
}
function emptyRoot() {
    return protobuf_specs_dist.TrustedRoot.fromJSON({
        mediaType: 'application/vnd.dev.sigstore.trustedroot+json;version=0.1',
        tlogs: [],
        certificateAuthorities: [],
        ctlogs: [],
        timestampAuthorities: [],
    });
}
const COSIGN_SIGNATURE_ANNOTATION = 'dev.cosignproject.cosign/signature';
const COSIGN_SIMPLESIGNING_TYPE = 'application/vnd.dev.cosign.simplesigning.v1+json';
/**
 * Verifies a cosign classic (`sha256-<hex>.sig`) signature with a public key: the signature over the
 * payload bytes, then that the payload's `critical.image.docker-manifest-digest` is the digest.
 */
function verifySimpleSigning(sig, digest, key) {
    let signature;
    try {
        signature = Buffer.from(sig.signature, 'base64');
    }
    catch {
        return fail('the signature annotation is not base64');
    }
    let ok = false;
    try {
        ok = (0,external_node_crypto_.verify)('sha256', sig.payload, key, signature);
    }
    catch (error) {
        return fail(`the signature does not verify (${error.message})`);
    }
    if (!ok)
        return fail('the signature does not verify with the given public key');
    let payload;
    try {
        payload = JSON.parse(Buffer.from(sig.payload).toString('utf8'));
    }
    catch (error) {
        return fail(`the signed payload is not JSON (${error.message})`);
    }
    const signed = payload?.critical?.image?.['docker-manifest-digest'];
    if (signed !== digest)
        return fail(`the signed payload names ${signed ?? 'no digest'}, not ${digest}`, {
            signer: { key: true },
        });
    return { ok: true, signer: { key: true } };
}
const COSIGN_CERTIFICATE_ANNOTATION = 'dev.sigstore.cosign/certificate';
const COSIGN_CHAIN_ANNOTATION = 'dev.sigstore.cosign/chain';
const COSIGN_BUNDLE_ANNOTATION = 'dev.sigstore.cosign/bundle';
function pemToDer(pem) {
    return [...pem.matchAll(/-----BEGIN CERTIFICATE-----([\s\S]*?)-----END CERTIFICATE-----/g)].map((m) => Buffer.from(m[1].replace(/\s+/g, ''), 'base64'));
}
/**
 * cosign's classic signature layer (payload, signature, and the certificate, chain and Rekor bundle
 * annotations) as the Sigstore v0.1 bundle it is equivalent to: a message signature over the
 * payload, the certificate (or the key hint), and the Rekor entry with its signed entry timestamp.
 * sigstore-js then verifies it like any other bundle.
 */
function classicToBundle(payload, annotations) {
    const signature = annotations[COSIGN_SIGNATURE_ANNOTATION] ?? '';
    const certificate = annotations[COSIGN_CERTIFICATE_ANNOTATION];
    const material = certificate
        ? {
            x509CertificateChain: {
                certificates: pemToDer(certificate).map((der) => ({ rawBytes: der.toString('base64') })),
            },
        }
        : { publicKey: { hint: '' } };
    const tlogEntries = [];
    const rekor = annotations[COSIGN_BUNDLE_ANNOTATION];
    if (rekor) {
        const parsed = JSON.parse(rekor);
        const p = parsed.Payload ?? {};
        const body = JSON.parse(Buffer.from(p.body ?? '', 'base64').toString('utf8') || '{}');
        tlogEntries.push({
            logIndex: String(p.logIndex ?? ''),
            logId: { keyId: Buffer.from(p.logID ?? '', 'hex').toString('base64') },
            kindVersion: { kind: body.kind ?? 'hashedrekord', version: body.apiVersion ?? '0.0.1' },
            integratedTime: String(p.integratedTime ?? ''),
            inclusionPromise: { signedEntryTimestamp: parsed.SignedEntryTimestamp ?? '' },
            canonicalizedBody: p.body ?? '',
        });
    }
    return {
        mediaType: 'application/vnd.dev.sigstore.bundle+json;version=0.1',
        verificationMaterial: { ...material, tlogEntries },
        messageSignature: {
            messageDigest: { algorithm: 'SHA2_256', digest: (0,external_node_crypto_.createHash)('sha256').update(payload).digest('base64') },
            signature,
        },
    };
}
/**
 * A cosign classic signature, keyless or key-based with its Rekor entry, verified through
 * sigstore-js (certificate chain, SCT, signed entry timestamp, identity), then the payload's
 * manifest digest checked against the promoted digest.
 */
function verifyClassic(payload, annotations, digest, trust, policy) {
    if (trust.kind === 'key' && !trust.transparencyLog)
        return verifySimpleSigning({ payload, signature: annotations[COSIGN_SIGNATURE_ANNOTATION] ?? '' }, digest, trust.key);
    let bundle;
    try {
        bundle = classicToBundle(payload, annotations);
    }
    catch (error) {
        return fail(`the cosign signature's annotations are malformed (${error.message})`);
    }
    const verdict = verifyBundle(JSON.stringify(bundle), subjectOf(payload), trust, policy);
    if (!verdict.ok)
        return verdict;
    let signed;
    try {
        signed = JSON.parse(Buffer.from(payload).toString('utf8'))?.critical?.image?.['docker-manifest-digest'];
    }
    catch (error) {
        return fail(`the signed payload is not JSON (${error.message})`, { signer: verdict.signer });
    }
    if (signed !== digest)
        return fail(`the signed payload names ${signed ?? 'no digest'}, not ${digest}`, {
            signer: verdict.signer,
        });
    return verdict;
}

// EXTERNAL MODULE: ./src/policy/slsa.ts
var slsa = __webpack_require__(971);
;// CONCATENATED MODULE: ./src/policy/vulnerabilities.ts
/** Artifact types a scan report is attached as (the format itself is read from the content). */
const SCAN_TYPES = [
    'application/sarif+json',
    'application/vnd.cyclonedx+json',
    'application/vnd.aquasec.trivy.report+json',
    'application/vnd.trivy.report+json',
    'application/vnd.anchore.grype.report+json',
    'application/vnd.grype.report+json',
];
/** Without a numeric score, a severity word counts as the lowest score of its CVSS v3 band. */
const SEVERITY_SCORE = {
    critical: 9.0,
    high: 7.0,
    medium: 4.0,
    moderate: 4.0,
    low: 0.1,
};
function score(value) {
    const n = typeof value === 'string' ? Number.parseFloat(value) : typeof value === 'number' ? value : NaN;
    return Number.isFinite(n) ? n : undefined;
}
function severity(word) {
    return SEVERITY_SCORE[String(word ?? '').toLowerCase()] ?? 0;
}
function time(value) {
    const t = typeof value === 'string' ? Date.parse(value) : NaN;
    return Number.isFinite(t) ? t : undefined;
}
/**
 * SARIF has no field for the package or the advisory: scanners put them in properties or in the
 * text. Trivy writes `Package: <name>` in the result message and the advisory as the rule id;
 * Grype writes `Vulnerability <id>` and `Package: <name>` in the rule's help and makes the rule id
 * `<advisory>-<package>`. Without the package, a waiver (id and package) could never match.
 */
function sarifIdentity(ruleId, props, texts) {
    const fromText = (pattern) => {
        for (const text of texts) {
            const found = pattern.exec(text)?.[1]?.trim();
            if (found)
                return found;
        }
        return undefined;
    };
    const pkg = String(props.PkgName ?? props.packageName ?? props.package ?? fromText(/^Package: ?(\S.*)$/m) ?? '');
    const advisory = fromText(/^Vulnerability ?(\S+)$/m);
    const id = advisory && ruleId.startsWith(advisory)
        ? advisory
        : pkg && ruleId.endsWith(`-${pkg}`)
            ? ruleId.slice(0, -pkg.length - 1)
            : ruleId;
    return { id, pkg };
}
/** Reads SARIF 2.1, CycloneDX (with vulnerabilities), Trivy JSON or Grype JSON; undefined for anything else. */
function parseScanReport(text) {
    let doc;
    try {
        doc = JSON.parse(text);
    }
    catch {
        return undefined;
    }
    if (typeof doc !== 'object' || doc === null)
        return undefined;
    if (Array.isArray(doc.runs) && String(doc.version ?? '').startsWith('2.')) {
        const findings = [];
        let when;
        for (const run of doc.runs) {
            const rules = new Map();
            for (const rule of (run?.tool?.driver?.rules ?? []))
                rules.set(String(rule?.id), rule);
            for (const inv of (run?.invocations ?? []))
                when ??= time(inv?.endTimeUtc) ?? time(inv?.startTimeUtc);
            for (const result of (run?.results ?? [])) {
                const rule = rules.get(String(result?.ruleId));
                const props = { ...(rule?.properties ?? {}), ...(result?.properties ?? {}) };
                const { id, pkg } = sarifIdentity(String(result?.ruleId ?? ''), props, [
                    String(result?.message?.text ?? ''),
                    String(rule?.help?.text ?? ''),
                ]);
                findings.push({
                    id,
                    package: pkg,
                    cvss: score(props['security-severity']) ??
                        severity(result?.level === 'error' ? 'high' : result?.level === 'warning' ? 'medium' : 'low'),
                });
            }
        }
        return { format: 'sarif', time: when, findings };
    }
    if (doc.bomFormat === 'CycloneDX') {
        const names = new Map();
        for (const c of (doc.components ?? []))
            if (c?.['bom-ref'])
                names.set(String(c['bom-ref']), String(c.name ?? c['bom-ref']));
        const findings = [];
        for (const v of (doc.vulnerabilities ?? [])) {
            const ratings = (v?.ratings ?? []);
            const cvss = Math.max(0, ...ratings.map((r) => score(r?.score) ?? severity(r?.severity)));
            const refs = (v?.affects ?? []).map((a) => String(a?.ref ?? ''));
            for (const ref of refs.length ? refs : [''])
                findings.push({ id: String(v?.id ?? ''), package: names.get(ref) ?? ref, cvss });
        }
        return { format: 'cyclonedx', time: time(doc.metadata?.timestamp), findings };
    }
    if (Array.isArray(doc.Results) && (doc.SchemaVersion !== undefined || doc.ArtifactName !== undefined)) {
        const findings = [];
        for (const r of doc.Results)
            for (const v of (r?.Vulnerabilities ?? [])) {
                const scores = Object.values((v?.CVSS ?? {})).map((c) => score(c?.V3Score) ?? score(c?.V2Score) ?? 0);
                findings.push({
                    id: String(v?.VulnerabilityID ?? ''),
                    package: String(v?.PkgName ?? ''),
                    cvss: scores.length ? Math.max(...scores) : severity(v?.Severity),
                });
            }
        return { format: 'trivy', time: time(doc.CreatedAt), findings };
    }
    if (Array.isArray(doc.matches) && doc.descriptor !== undefined) {
        const findings = doc.matches.map((m) => {
            const scores = (m?.vulnerability?.cvss ?? []).map((c) => score(c?.metrics?.baseScore) ?? 0);
            return {
                id: String(m?.vulnerability?.id ?? ''),
                package: String(m?.artifact?.name ?? ''),
                cvss: scores.length ? Math.max(...scores) : severity(m?.vulnerability?.severity),
            };
        });
        return { format: 'grype', time: time(doc.descriptor?.timestamp), findings };
    }
    return undefined;
}
const key = (w) => ({
    id: w.id,
    package: w.package,
    owner: w.owner,
    expires: w.expires,
});
/** The newest report decides; a finding at or above max-cvss blocks unless an unexpired waiver covers its id and package. */
function judgeScan(report, policy, now) {
    const expired = policy.waivers.filter((w) => w.until < now);
    const live = policy.waivers.filter((w) => w.until >= now);
    const base = { waived: [], expiredWaivers: expired.map(key) };
    if (!report)
        return {
            ...base,
            outcome: 'fail',
            found: 'no scan report (SARIF, CycloneDX, Trivy or Grype JSON) attached',
        };
    if (policy.maxScanAge !== undefined) {
        if (report.time === undefined)
            return { ...base, outcome: 'fail', found: `a ${report.format} report that does not say when it ran` };
        if (now - report.time > policy.maxScanAge)
            return {
                ...base,
                outcome: 'fail',
                found: `a ${report.format} report from ${new Date(report.time).toISOString()}, older than max-scan-age`,
            };
    }
    const blocking = report.findings.filter((f) => f.cvss >= policy.maxCvss);
    const waived = [];
    const open = [];
    for (const f of blocking) {
        const w = live.find((w) => w.id.toLowerCase() === f.id.toLowerCase() && (w.package === f.package || w.package === '*'));
        if (w)
            waived.push(key(w));
        else
            open.push(f);
    }
    const expiredNote = expired.length
        ? `; expired waivers (no longer applied): ${expired.map((w) => `${w.id} ${w.package} (${w.owner}, ${w.expires})`).join(', ')}`
        : '';
    if (open.length)
        return {
            outcome: 'fail',
            waived,
            expiredWaivers: expired.map(key),
            found: `${open.length} finding(s) at or above CVSS ${policy.maxCvss} in the ${report.format} report: ${open
                .slice(0, 20)
                .map((f) => `${f.id} in ${f.package || '?'} (${f.cvss})`)
                .join(', ')}${open.length > 20 ? ', …' : ''}${expiredNote}`,
        };
    if (waived.length)
        return {
            outcome: 'waived',
            waived,
            expiredWaivers: expired.map(key),
            found: `${waived.length} finding(s) at or above CVSS ${policy.maxCvss} waived: ${waived.map((w) => `${w.id} in ${w.package} by ${w.owner} until ${w.expires}`).join(', ')}${expiredNote}`,
        };
    return {
        ...base,
        outcome: 'pass',
        found: `no finding at or above CVSS ${policy.maxCvss} in the ${report.format} report (${report.findings.length} below)${expiredNote}`,
    };
}

// EXTERNAL MODULE: ./src/policy/spec.ts
var spec = __webpack_require__(1227);
;// CONCATENATED MODULE: ./src/policy/gate.ts





/** The configured gate with its trust material parsed; a malformed root or key is a mistake in the input that named it. */
function loadGate(spec) {
    const guard = (input, given, fn) => {
        try {
            return fn();
        }
        catch (error) {
            if (error instanceof TrustRootError)
                throw errors/* ConfigurationError */.j1.forInput(input, given, error.message);
            throw error;
        }
    };
    const t = spec.trust;
    const root = (r) => guard('trusted-root', r.name, () => parseTrustedRoot(r.text, r.name));
    let trust;
    if (t.kind === 'key')
        trust = {
            kind: 'key',
            key: guard('public-key', t.name, () => parsePublicKey(t.pem, 'public-key')),
            name: t.name,
            root: t.root ? root(t.root) : undefined,
            transparencyLog: t.transparencyLog,
        };
    else if (t.kind === 'root')
        trust = { kind: 'root', root: root(t), name: t.name };
    else
        trust = defaultTrustedRoot();
    return { ...spec, trust };
}
const BUNDLE_TYPE = /^application\/vnd\.dev\.sigstore\.bundle/;
/** A bundle is small; anything larger is not read. */
const MAX_BUNDLE_BYTES = 4 * 1024 * 1024;
/** Every signature and attestation attached to the digest, each verified. */
async function verifyAll(config, digest, manifest, referrers) {
    const subject = subjectOf(manifest, digest);
    const checked = [];
    for (const referrer of referrers) {
        if (referrer.artifactType && BUNDLE_TYPE.test(referrer.artifactType)) {
            for (const layer of referrer.layers.filter((l) => BUNDLE_TYPE.test(l.mediaType))) {
                const evidence = [referrer.digest, layer.digest];
                if (layer.size > MAX_BUNDLE_BYTES) {
                    checked.push({ evidence, verdict: { ok: false, reason: 'the bundle is over 4 MiB' } });
                    continue;
                }
                checked.push({
                    evidence,
                    verdict: verifyBundle(await referrer.read(layer.digest), subject, config.trust, config.identity),
                });
            }
        }
        else if (referrer.artifactType === 'cosign:sig') {
            for (const layer of referrer.layers.filter((l) => l.mediaType === COSIGN_SIMPLESIGNING_TYPE)) {
                const evidence = [referrer.digest, layer.digest];
                if (!layer.annotations?.[COSIGN_SIGNATURE_ANNOTATION]) {
                    checked.push({
                        evidence,
                        verdict: { ok: false, reason: `the layer has no ${COSIGN_SIGNATURE_ANNOTATION} annotation` },
                    });
                    continue;
                }
                if (layer.size > MAX_BUNDLE_BYTES) {
                    checked.push({ evidence, verdict: { ok: false, reason: 'the signed payload is over 4 MiB' } });
                    continue;
                }
                const payload = await referrer.read(layer.digest);
                checked.push({
                    evidence,
                    verdict: verifyClassic(payload, layer.annotations, digest, config.trust, config.identity),
                });
            }
        }
    }
    return checked;
}
function describeSigner(config) {
    if (config.trust.kind === 'key')
        return `a signature by the public key ${config.trust.name}`;
    const who = config.identity.identity ??
        (config.identity.identityPattern ? `/${config.identity.identityPattern}/` : 'any identity');
    return `a signature by ${who}${config.identity.issuer ? ` (issuer ${config.identity.issuer})` : ''} under the ${config.trust.name} trusted root`;
}
function summarise(checked) {
    if (checked.length === 0)
        return 'no signature or attestation attached';
    return checked.map((c) => `${c.evidence[0]}: ${c.verdict.ok ? 'verified' : c.verdict.reason}`).join('; ');
}
/** Runs every rule; the caller refuses the promotion when any evaluation failed. */
async function evaluateGate(config, digest, manifest, referrers, now) {
    if (config.rules.length === 0)
        return [];
    const needsSignatures = config.rules.some((r) => r !== 'vulnerabilities');
    const checked = needsSignatures ? await verifyAll(config, digest, manifest, referrers) : [];
    const verified = checked.filter((c) => c.verdict.ok);
    const evaluations = [];
    for (const rule of config.rules) {
        if (rule === 'signature') {
            const expected = describeSigner(config);
            evaluations.push(verified.length
                ? {
                    rule,
                    outcome: 'pass',
                    digest,
                    evidence: verified.flatMap((c) => c.evidence),
                    expected,
                    found: summarise(verified),
                }
                : {
                    rule,
                    outcome: 'fail',
                    digest,
                    evidence: checked.flatMap((c) => c.evidence),
                    expected,
                    found: summarise(checked),
                });
        }
        else if (rule === 'vulnerabilities') {
            evaluations.push(await evaluateScans(config.vulnerabilities, digest, referrers, now));
        }
        else {
            const expected = `verified SLSA provenance (v1 or v0.2)${describeSource(config.source)}, with ${describeSigner(config)}`;
            const results = verified
                .filter((c) => c.verdict.statement)
                .map((c) => ({ c, problem: (0,slsa/* checkProvenance */.ch)(c.verdict.statement, config.source) }));
            const good = results.find((r) => r.problem === undefined);
            evaluations.push(good
                ? {
                    rule,
                    outcome: 'pass',
                    digest,
                    evidence: good.c.evidence,
                    expected,
                    found: `provenance ${good.c.evidence[0]}`,
                }
                : {
                    rule,
                    outcome: 'fail',
                    digest,
                    evidence: results.flatMap((r) => r.c.evidence),
                    expected,
                    found: results.length
                        ? results.map((r) => `${r.c.evidence[0]}: ${r.problem}`).join('; ')
                        : verified.length
                            ? 'verified signatures, but no attestation among them'
                            : summarise(checked),
                });
        }
    }
    return evaluations;
}
/** The newest scan report attached to the digest decides (an older report cannot outvote a newer one). */
async function evaluateScans(policy, digest, referrers, now) {
    const reports = [];
    for (const referrer of referrers) {
        if (!referrer.artifactType || !SCAN_TYPES.includes(referrer.artifactType))
            continue;
        for (const layer of referrer.layers) {
            if (layer.size > 64 * 1024 * 1024)
                continue;
            const report = parseScanReport(Buffer.from(await referrer.read(layer.digest)).toString('utf8'));
            if (!report)
                continue;
            if (report.time === undefined && referrer.created) {
                const t = Date.parse(referrer.created);
                if (Number.isFinite(t))
                    report.time = t;
            }
            reports.push({ report, evidence: [referrer.digest, layer.digest] });
        }
    }
    reports.sort((a, b) => (b.report.time ?? -Infinity) - (a.report.time ?? -Infinity));
    const newest = reports[0];
    const result = judgeScan(newest?.report, policy, now);
    const age = policy.maxScanAge !== undefined ? `, no older than ${Math.round(policy.maxScanAge / 3_600_000)}h` : '';
    return {
        rule: 'vulnerabilities',
        outcome: result.outcome,
        digest,
        evidence: newest?.evidence ?? [],
        expected: `a scan report of this digest${age} with no finding at or above CVSS ${policy.maxCvss} unless waived`,
        found: result.found,
        ...(result.waived.length ? { waivers: result.waived } : {}),
        ...(result.expiredWaivers.length ? { expiredWaivers: result.expiredWaivers } : {}),
    };
}
function describeSource(source) {
    const parts = [
        source.repository && `from ${source.repository}`,
        source.ref && `ref ${source.ref}`,
        source.commit && `commit ${source.commit}`,
        source.builderId && `builder ${source.builderId}`,
    ].filter(Boolean);
    return parts.length ? ` ${parts.join(', ')}` : '';
}


/***/ })

};
