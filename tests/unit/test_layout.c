/* Tests for layout: pane rectangles at every terminal size. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "inkstone/layout.h"

static const int none[LAYOUT_NPANES];

/* No two shown panes overlap, none leaves the body, none covers a
 * separator column. */
static void
check_sane(const struct layout *l, int cols, int rows)
{
	int	p, q, y, x, k;

	for (p = 0; p < LAYOUT_NPANES; p++) {
		const struct layout_rect *r = &l->pane[p];

		assert_int_equal(l->shown[p], r->h > 0);
		if (r->h == 0)
			continue;
		assert_true(r->w > 0);
		assert_true(r->x >= 0 && r->x + r->w <= cols);
		assert_true(r->y >= 0 && r->y + r->h <= rows - 1);
		for (y = r->y; y < r->y + r->h; y++)
			for (x = r->x; x < r->x + r->w; x++) {
				for (q = 0; q < LAYOUT_NPANES; q++)
					if (q != p) {
						const struct layout_rect *o =
						    &l->pane[q];
						assert_false(o->h > 0 &&
						    y >= o->y && y < o->y + o->h &&
						    x >= o->x && x < o->x + o->w);
					}
				for (k = 0; k < 2; k++)
					assert_int_not_equal(x, l->sep_x[k]);
			}
	}
	assert_int_equal(l->status.y, rows - 1);
	assert_int_equal(l->status.w, cols);
}

static void
test_full(void **state)
{
	struct layout	l;
	int		p, total;

	(void)state;
	layout_compute(100, 30, none, -1, &l);
	assert_false(l.too_small);
	for (p = 0; p < LAYOUT_NPANES; p++) {
		assert_true(l.shown[p]);
		assert_false(l.collapsed[p]);
	}
	check_sane(&l, 100, 30);
	/* The columns add up: list | reading | right column. */
	total = l.pane[LAYOUT_LIST].w + 1 + l.pane[LAYOUT_READING].w + 1 +
	    l.pane[LAYOUT_HIGHLIGHTS].w;
	assert_int_equal(total, 100);
	assert_int_equal(l.pane[LAYOUT_HIGHLIGHTS].x, l.pane[LAYOUT_SIDEBAR].x);
	assert_int_equal(l.pane[LAYOUT_HIGHLIGHTS].h + l.pane[LAYOUT_SIDEBAR].h,
	    29);
	assert_true(l.pane[LAYOUT_READING].w >= 45);
	layout_compute(200, 60, none, -1, &l);
	check_sane(&l, 200, 60);
	assert_int_equal(l.pane[LAYOUT_LIST].w, 40);
}

static void
test_collapse_order(void **state)
{
	struct layout	l;

	(void)state;
	layout_compute(99, 40, none, -1, &l);
	assert_false(l.shown[LAYOUT_SIDEBAR]);
	assert_true(l.collapsed[LAYOUT_SIDEBAR]);
	assert_true(l.shown[LAYOUT_HIGHLIGHTS]);
	assert_true(l.shown[LAYOUT_LIST]);
	check_sane(&l, 99, 40);
	assert_int_equal(l.pane[LAYOUT_HIGHLIGHTS].h, 39);

	layout_compute(79, 40, none, -1, &l);
	assert_false(l.shown[LAYOUT_HIGHLIGHTS]);
	assert_true(l.shown[LAYOUT_LIST]);
	assert_int_equal(l.sep_x[1], -1);
	check_sane(&l, 79, 40);

	layout_compute(60, 20, none, -1, &l);
	assert_false(l.shown[LAYOUT_LIST]);
	assert_true(l.shown[LAYOUT_READING]);
	assert_int_equal(l.pane[LAYOUT_READING].w, 60);
	assert_int_equal(l.pane[LAYOUT_READING].h, 19);
	check_sane(&l, 60, 20);

	layout_compute(30, 10, none, -1, &l);
	assert_false(l.too_small);
	assert_int_equal(l.pane[LAYOUT_READING].w, 30);
	check_sane(&l, 30, 10);
}

static void
test_toggles(void **state)
{
	struct layout	l;
	int		t[LAYOUT_NPANES] = { 0 };

	(void)state;
	/* A collapsed pane asked for shares the width; reading keeps half. */
	t[LAYOUT_LIST] = 1;
	layout_compute(30, 10, t, -1, &l);
	assert_true(l.shown[LAYOUT_LIST]);
	assert_true(l.pane[LAYOUT_READING].w >= 14);
	check_sane(&l, 30, 10);
	t[LAYOUT_SIDEBAR] = 1;
	t[LAYOUT_HIGHLIGHTS] = 1;
	layout_compute(40, 12, t, -1, &l);
	assert_true(l.shown[LAYOUT_SIDEBAR] && l.shown[LAYOUT_HIGHLIGHTS]);
	assert_true(l.pane[LAYOUT_READING].w >= 18);
	check_sane(&l, 40, 12);
	/* On a big terminal the same toggles hide panes. */
	layout_compute(120, 40, t, -1, &l);
	assert_false(l.shown[LAYOUT_LIST]);
	assert_false(l.shown[LAYOUT_SIDEBAR]);
	assert_false(l.shown[LAYOUT_HIGHLIGHTS]);
	assert_int_equal(l.pane[LAYOUT_READING].w, 120);
	/* The reading pane cannot be toggled away. */
	t[LAYOUT_READING] = 1;
	layout_compute(120, 40, t, -1, &l);
	assert_true(l.shown[LAYOUT_READING]);
}

static void
test_zoom_and_small(void **state)
{
	struct layout	l;
	int		p, cols, rows;

	(void)state;
	layout_compute(120, 40, none, LAYOUT_SIDEBAR, &l);
	for (p = 0; p < LAYOUT_NPANES; p++)
		assert_int_equal(l.shown[p], p == LAYOUT_SIDEBAR);
	assert_int_equal(l.pane[LAYOUT_SIDEBAR].w, 120);
	assert_int_equal(l.pane[LAYOUT_SIDEBAR].h, 39);
	assert_int_equal(layout_hit(&l, 5, 5), LAYOUT_SIDEBAR);
	assert_int_equal(layout_hit(&l, 39, 5), -1);

	layout_compute(19, 30, none, -1, &l);
	assert_true(l.too_small);
	layout_compute(30, 5, none, -1, &l);
	assert_true(l.too_small);
	layout_compute(20, 6, none, -1, &l);
	assert_false(l.too_small);
	check_sane(&l, 20, 6);

	for (cols = 20; cols <= 130; cols += 7)
		for (rows = 6; rows <= 45; rows += 3) {
			int t[LAYOUT_NPANES] = { 1, 0, 1, 1 };

			layout_compute(cols, rows, none, -1, &l);
			check_sane(&l, cols, rows);
			layout_compute(cols, rows, t, -1, &l);
			check_sane(&l, cols, rows);
		}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_full),
		cmocka_unit_test(test_collapse_order),
		cmocka_unit_test(test_toggles),
		cmocka_unit_test(test_zoom_and_small),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
