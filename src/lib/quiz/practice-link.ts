/**
 * A practice session's topics in its address: `/quiz/practice?topic=mfa&topic=role-chaining`
 * opens the setup with those topics ticked. The study plan links its "Practise" topics so.
 */

const PRACTICE_ROUTE = '/quiz/practice';

/** The address of the practice setup with these topics ticked (none: all topics). */
export function practiceHref(topicIds: readonly string[]): string {
	const params = new URLSearchParams();
	for (const id of new Set(topicIds)) params.append('topic', id);
	const query = params.toString();
	return query ? `${PRACTICE_ROUTE}?${query}` : PRACTICE_ROUTE;
}

/**
 * The topics an address asks for, in the order the bank lists its topics, each once; an id the
 * bank does not have (a typo, a topic since renamed) is left out.
 */
export function topicsFromSearch(
	params: URLSearchParams,
	knownTopicIds: readonly string[]
): string[] {
	const wanted = new Set(params.getAll('topic'));
	return knownTopicIds.filter((id) => wanted.has(id));
}
