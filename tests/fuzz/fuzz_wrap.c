/* Fuzz target: wrap_paragraph.  The first byte picks the width (1-200),
 * the rest is text, cleaned as every article is.  The lines must keep the
 * contract of wrap.h whatever the text: they tile the paragraph, break only
 * between grapheme clusters, fit the width (but for a lone cluster wider
 * than it) and report the width they draw. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "inkstone/text.h"
#include "inkstone/wrap.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Bytes of [end, next): hanging spaces, then a soft hyphen or a line feed
 * (either may be missing), nothing else. */
static int
tail_ok(const char *s, size_t end, size_t next, int hyphen)
{
	size_t	i = end;

	while (i < next && s[i] == ' ')
		i++;
	if (hyphen) {
		/* The hyphen is the soft hyphen the line breaks after: it
		 * ends the line, so it is the last thing in the tail. */
		return next - i == 2 && memcmp(s + i, "\xc2\xad", 2) == 0;
	}
	if (i < next && s[i] == '\n')
		i++;
	return i == next;
}

static void
check_line(const char *s, size_t len, int width, const char *gb,
    const struct wrap_line *l)
{
	size_t	i, nclusters;
	int	w;

	if (l->start > l->end || l->end > l->next || l->next > len)
		abort();
	if (len > 0 && l->start == l->next)
		abort();	/* an empty line inside a paragraph */
	if (l->hyphen != 0 && l->hyphen != 1)
		abort();
	if (memchr(s + l->start, '\n', l->end - l->start) != NULL)
		abort();	/* a line feed must break the line */
	if (!tail_ok(s, l->end, l->next, l->hyphen))
		abort();

	/* Lines break between clusters.  end need not be a boundary: a
	 * prepended mark (U+0600) forms one cluster with the space after it,
	 * and that space still hangs. */
	if (l->start < len && !gb[l->start])
		abort();
	if (l->next < len && !gb[l->next])
		abort();

	w = (int)text_width(s + l->start, l->end - l->start);
	if (l->width != w + l->hyphen)
		abort();
	if (l->width <= width)
		return;
	/* Too wide: allowed only for one cluster wider than the line, alone
	 * and without a hyphen. */
	for (i = l->start, nclusters = 0; i < l->end; i++)
		nclusters += gb[i] != 0;
	if (nclusters != 1 || l->hyphen || w <= width)
		abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct wrap_lines	 lines = { NULL, 0, 0 };
	char			*s, *gb;
	size_t			 len, i, n0;
	int			 width;

	if (size == 0)
		return 0;
	/* 200-255 fold onto 1-56: narrow widths, where the edge cases are,
	 * come up twice as often. */
	width = 1 + data[0] % 200;
	s = text_clean((const char *)data + 1, size - 1, &len);
	gb = calloc(len + 1, 1);
	if (gb == NULL)
		abort();
	wrap_clusters(s, len, gb);

	/* Lines are appended: wrap twice into one list and check both runs
	 * give the same lines. */
	wrap_paragraph(s, len, width, &lines);
	n0 = lines.n;
	if (n0 == 0)
		abort();
	wrap_paragraph(s, len, width, &lines);
	if (lines.n != 2 * n0 || memcmp(lines.v, lines.v + n0,
	    n0 * sizeof *lines.v) != 0)
		abort();

	if (lines.v[0].start != 0 || lines.v[n0 - 1].next != len)
		abort();
	for (i = 0; i < n0; i++) {
		if (i > 0 && lines.v[i].start != lines.v[i - 1].next)
			abort();
		check_line(s, len, width, gb, &lines.v[i]);
	}

	wrap_lines_free(&lines);
	if (lines.v != NULL || lines.n != 0)
		abort();
	free(gb);
	free(s);
	return 0;
}
