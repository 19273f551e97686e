/* entity_article: entity extraction over an article's body, the one way
 * the commands, the index and the sidebar all read an article. */
#include <stdlib.h>

#include "inkstone/article.h"
#include "inkstone/entity.h"
#include "inkstone/util.h"

struct entity_set *
entity_extract_article(const struct entity_db *db, const struct article *a)
{
	struct entity_set	 *set;
	const char		**paras;
	size_t			 *lens, i;

	paras = xcalloc(a->npara + 1, sizeof *paras);
	lens = xcalloc(a->npara + 1, sizeof *lens);
	for (i = 0; i < a->npara; i++) {
		paras[i] = a->paras[i].text;
		lens[i] = a->paras[i].len;
	}
	set = entity_extract(db, paras, lens, a->npara);
	free(paras);
	free(lens);
	return set;
}
