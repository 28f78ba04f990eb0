/**
 * Readable titles for the source links of lessons, questions and glossary terms. Lessons name
 * their sources in front matter (`title` and `url`); questions and glossary terms cite bare URLs.
 * Those are titled from a map of known pages (built at build time from the lessons' titles plus
 * `aws-doc-titles.ts`), and a URL no one has titled gets a title made from its address, e.g.
 * `…/STS/latest/APIReference/API_AssumeRole.html` → "AssumeRole (AWS STS API Reference)".
 *
 * Small and free of dependencies: the quiz uses `sourceTitleFromUrl` in the browser for the
 * questions of content packs, which the build never saw.
 */

/** Known titles by URL (with or without its #fragment). */
export type SourceTitles = ReadonlyMap<string, string>;

/** A source as the pages link it. */
export interface SourceLink {
	url: string;
	title: string;
}

/** Service folders of docs.aws.amazon.com, as AWS names their API references. */
const API_REFERENCES: Record<string, string> = {
	STS: 'AWS STS API Reference',
	IAM: 'IAM API Reference',
	cognitoidentity: 'Amazon Cognito Identity API Reference',
	'cognito-user-identity-pools': 'Amazon Cognito user pools API Reference',
	AWSEC2: 'Amazon EC2 API Reference',
	emr: 'Amazon EMR API Reference',
	organizations: 'AWS Organizations API Reference'
};

/** Guides of docs.aws.amazon.com by their first two path segments (service and guide folder). */
const GUIDES: Record<string, string> = {
	'IAM/UserGuide': 'IAM User Guide',
	'AWSEC2/UserGuide': 'Amazon EC2 User Guide',
	'cognito/developerguide': 'Amazon Cognito Developer Guide',
	'lambda/dg': 'AWS Lambda Developer Guide',
	'sdkref/guide': 'AWS SDKs and Tools Reference Guide',
	'cli/userguide': 'AWS CLI User Guide',
	'cli/reference': 'AWS CLI Command Reference',
	'service-authorization/reference': 'Service Authorization Reference',
	'organizations/userguide': 'AWS Organizations User Guide',
	'singlesignon/userguide': 'IAM Identity Center User Guide'
};

/** Words that page names spell in lower case and AWS writes in capitals. */
const ACRONYMS = new Set(
	'api aws cli ec2 iam id imds jwt mfa oidc s3 saml sdk sso sts url'.split(' ')
);

/**
 * IAM User Guide page names are paths of topics joined by `_`, under a top folder (`id_` for
 * identities, `access_` for access management, `reference_`): the folder adds nothing to a title,
 * and some topics are abbreviated.
 */
const IAM_FOLDERS = new Set(['id', 'access', 'reference']);
const IAM_WORDS: Record<string, string> = {
	temp: 'temporary',
	perms: 'permissions',
	idp: 'IdP',
	externalid: 'ExternalId'
};

/**
 * `id_credentials_temp_enable-regions` → "temporary credentials enable regions",
 * `id_roles_terms-and-concepts` → "roles terms and concepts": the page's name without its folder,
 * abbreviations written out.
 */
function iamPageWords(name: string): string {
	const parts = name.replace(/\.html?$/i, '').split('_');
	if (parts.length > 1 && IAM_FOLDERS.has(parts[0].toLowerCase())) parts.shift();
	if (parts[0] === 'credentials' && parts[1] === 'temp')
		parts.splice(0, 2, 'temporary credentials');
	return parts
		.join(' ')
		.split(/[-\s]+/)
		.map((w) => IAM_WORDS[w.toLowerCase()] ?? w)
		.join(' ');
}

/** `credentials_temp_enable-regions` → "Credentials temp enable regions". */
function wordsOf(slug: string): string {
	let text = slug;
	try {
		text = decodeURIComponent(slug);
	} catch {
		// A malformed escape: keep the name as written.
	}
	const words = text
		.replace(/\.(html?|md)$/i, '')
		.split(/[-_+\s]+/)
		.filter(Boolean)
		.map((w) => (ACRONYMS.has(w.toLowerCase()) ? w.toUpperCase() : w))
		.join(' ');
	return words ? words[0].toUpperCase() + words.slice(1) : '';
}

/** `security` → "AWS Security Blog". */
function blogName(slug: string): string {
	const name = wordsOf(slug).replace(/\b\w/g, (c) => c.toUpperCase());
	return `AWS ${name} Blog`;
}

/**
 * A title made from the URL alone: the page's name and the guide or site it belongs to. Used
 * for URLs that no lesson and no entry of the known-titles map names.
 */
export function sourceTitleFromUrl(url: string): string {
	let u: URL;
	try {
		u = new URL(url);
	} catch {
		return url;
	}
	const segments = u.pathname.split('/').filter(Boolean);
	const last = segments.at(-1) ?? '';
	const host = u.hostname.replace(/^www\./, '');
	if (host === 'docs.aws.amazon.com' && segments.length >= 3) {
		// /<service>/latest/<guide>/<page>.html; other languages (/ja_jp/…) are rare in content.
		const [service, , guide] = segments;
		if (guide === 'APIReference') {
			const reference = API_REFERENCES[service] ?? `${service} API Reference`;
			const api = /^API_(.+)\.html$/.exec(last);
			if (api) return `${api[1]} (${reference})`;
			if (last === 'CommonErrors.html') return `Common errors (${reference})`;
			return `${wordsOf(last)} (${reference})`;
		}
		const book = GUIDES[`${service}/${guide}`] ?? `${wordsOf(service)} documentation`;
		if (service === 'cli' && guide === 'reference' && segments.length > 4)
			return `aws ${segments.slice(3, -1).join(' ')} ${last.replace(/\.html$/, '')} (${book})`;
		if (service === 'IAM' && guide === 'UserGuide')
			return `${wordsOf(iamPageWords(last))} (${book})`;
		return `${wordsOf(last)} (${book})`;
	}
	if (host === 'repost.aws' && segments[0] === 'knowledge-center' && last)
		return `${wordsOf(last)} (AWS re:Post Knowledge Center)`;
	if (host === 'aws.amazon.com' && segments[0] === 'blogs' && segments.length >= 3)
		return `${wordsOf(last)} (${blogName(segments[1])})`;
	return last ? `${wordsOf(last)} (${host})` : host;
}

/** The title of a source: the known one for the URL (or its page without the #fragment), else one made from the URL. */
export function sourceTitle(url: string, known: SourceTitles = new Map()): string {
	const exact = known.get(url);
	if (exact) return exact;
	const hash = url.indexOf('#');
	const page = hash >= 0 ? known.get(url.slice(0, hash)) : undefined;
	return page ?? sourceTitleFromUrl(url);
}

/** Sources as links with titles, each URL once (in first-cited order). */
export function sourceLinks(urls: readonly string[], known?: SourceTitles): SourceLink[] {
	const seen = new Set<string>();
	const links: SourceLink[] = [];
	for (const url of urls) {
		if (seen.has(url)) continue;
		seen.add(url);
		links.push({ url, title: sourceTitle(url, known) });
	}
	return links;
}

/**
 * The known titles: every lesson's named sources (the first lesson to name a URL wins; the
 * content test keeps them from disagreeing), then `extra` for pages only questions or the
 * glossary cite.
 */
export function buildSourceTitles(
	lessons: readonly { sources: readonly SourceLink[] }[],
	extra: Readonly<Record<string, string>> = {}
): Map<string, string> {
	const titles = new Map<string, string>();
	for (const lesson of lessons)
		for (const s of lesson.sources) if (!titles.has(s.url)) titles.set(s.url, s.title);
	for (const [url, title] of Object.entries(extra)) if (!titles.has(url)) titles.set(url, title);
	return titles;
}
