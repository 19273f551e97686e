/* Tests for render: the display lines shared by the reading pane and dump. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "inkstone/article.h"
#include "inkstone/render.h"
#include "inkstone/text.h"
#include "inkstone/util.h"

static const char doc[] =
    "---\n"
    "title: Huawei triples Ascend output\n"
    "source: Harbour Tech Review\n"
    "date: 2025-05-27\n"
    "tags: [chips, huawei]\n"
    "highlights:\n"
    "  - Output of Ascend processors is to triple this year.\n"
    "---\n"
    "Huawei Technologies Co (華為) is pushing its suppliers to triple output.\n"
    "\n"
    "台積電（TSMC）表示，先進製程的需求持續強勁。\n"
    "\n"
    "A co\xc2\xad" "operative agreement.\n";

static struct article *
parse(void)
{
	struct article *a = article_parse("t.md", doc, sizeof doc - 1);

	assert_non_null(a);
	assert_null(a->error);
	assert_int_equal(a->npara, 3);
	return a;
}

static char *
line_text(const struct render_line *l)
{
	struct buf b = { 0 };

	render_line_text(l, &b);
	return buf_take(&b, NULL);
}

static void
test_blocks(void **state)
{
	struct article	*a = parse();
	struct render	*r = render_article(a, 80);
	char		*s;

	(void)state;
	assert_int_equal(r->v[0].kind, RENDER_TITLE);
	s = line_text(&r->v[0]);
	assert_string_equal(s, "Huawei triples Ascend output");
	free(s);
	assert_int_equal(r->v[1].kind, RENDER_META);
	s = line_text(&r->v[1]);
	assert_string_equal(s, "Harbour Tech Review \xc2\xb7 2025-05-27 \xc2\xb7 chips, huawei");
	free(s);
	assert_int_equal(r->v[2].kind, RENDER_BLANK);
	assert_int_equal(r->v[3].kind, RENDER_HIGHLIGHT);
	s = line_text(&r->v[3]);
	assert_string_equal(s, "\xe2\x80\xa2 Output of Ascend processors is to triple this year.");
	free(s);
	assert_int_equal(r->v[4].kind, RENDER_BLANK);
	assert_int_equal(r->v[5].kind, RENDER_BODY);
	assert_int_equal(r->first[0], 5);
	assert_int_equal(r->v[r->n - 1].para, 2);
	render_free(r);
	article_free(a);
}

static void
test_widths_and_find(void **state)
{
	struct article	*a = parse();
	struct render	*r;
	size_t		 i, p, off;
	int		 width;
	char		*s;

	(void)state;
	for (width = 1; width <= 100; width++) {
		r = render_article(a, width);
		for (i = 0; i < r->n; i++) {
			s = line_text(&r->v[i]);
			/* What a line shows is exactly as wide as it says,
			 * and no wider than the pane (a wide character at
			 * width 1 is the one exception). */
			assert_int_equal(text_width(s, strlen(s)), r->v[i].width);
			assert_true(r->v[i].width <= width ||
			    (width == 1 && r->v[i].width == 2));
			free(s);
		}
		/* Every byte of every paragraph is found on the line that
		 * holds it. */
		for (p = 0; p < a->npara; p++)
			for (off = 0; off < a->paras[p].len; off++) {
				i = render_find(r, p, off);
				assert_true(i < r->n);
				assert_int_equal(r->v[i].para, p);
				assert_int_equal(r->v[i].kind, RENDER_BODY);
				assert_true(r->v[i].start <= off);
				assert_true(i + 1 == r->n ||
				    r->v[i + 1].kind != RENDER_BODY ||
				    r->v[i + 1].start > off);
			}
		assert_int_equal(render_find(r, a->npara, 0), r->n);
		render_free(r);
	}
	article_free(a);
}

static void
test_soft_hyphen(void **state)
{
	struct article	*a = parse();
	struct render	*r;
	char		*s;

	(void)state;
	/* Unbroken, the soft hyphen is not drawn. */
	r = render_article(a, 80);
	s = line_text(&r->v[r->n - 1]);
	assert_string_equal(s, "A cooperative agreement.");
	free(s);
	render_free(r);
	/* Broken at it, the line ends in "-". */
	r = render_article(a, 6);
	s = line_text(&r->v[r->first[2]]);
	assert_string_equal(s, "A co-");
	free(s);
	render_free(r);
	article_free(a);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_blocks),
		cmocka_unit_test(test_widths_and_find),
		cmocka_unit_test(test_soft_hyphen),
	};

	return cmocka_run_group_tests_name("render", tests, NULL, NULL);
}
