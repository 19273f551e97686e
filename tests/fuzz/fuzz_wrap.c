/* Fuzz target: wrapping.  The first byte picks the width, the rest is the
 * paragraph (cleaned as every article is).  Whatever the text, the lines
 * tile it in order, break only between grapheme clusters and stay within
 * the width unless a line is one cluster. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "inkstone/text.h"
#include "inkstone/wrap.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct wrap_lines	 l = { 0 };
	const struct wrap_line	*v;
	char			*s, *gb;
	size_t			 len, k, j, pos = 0;
	int			 width;

	if (size == 0)
		return 0;
	width = 1 + data[0] % 100;
	s = text_clean((const char *)data + 1, size - 1, &len);
	gb = malloc(len + 1);
	if (gb == NULL)
		abort();
	wrap_clusters(s, len, gb);
	wrap_paragraph(s, len, width, &l);
	if (l.n == 0)
		abort();
	for (k = 0; k < l.n; k++) {
		v = &l.v[k];
		if (v->start != pos || v->end < v->start || v->next < v->end ||
		    (v->next == v->start && len > 0))
			abort();
		if (v->start < len && !gb[v->start])
			abort();
		if ((int)text_width(s + v->start, v->end - v->start) +
		    v->hyphen != v->width)
			abort();
		if (v->width > width)
			for (j = v->start + 1; j < v->end; j++)
				if (gb[j])
					abort();
		pos = v->next;
	}
	if (pos != len)
		abort();
	wrap_lines_free(&l);
	free(gb);
	free(s);
	return 0;
}
