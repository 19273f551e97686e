/* Tests for listmodel: selection and scrolling at the edges. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "inkstone/listmodel.h"

static void
test_move(void **state)
{
	struct listmodel m = { 0 };

	(void)state;
	listmodel_set_height(&m, 5);
	assert_false(listmodel_move(&m, 1));	/* empty: nothing moves */
	assert_true(listmodel_set_count(&m, 20));
	assert_true(listmodel_move(&m, 1));
	assert_int_equal(m.sel, 1);
	assert_false(listmodel_move(&m, -5) == 0);
	assert_int_equal(m.sel, 0);
	assert_false(listmodel_move(&m, -1));
	listmodel_move(&m, 6);
	assert_int_equal(m.sel, 6);
	assert_int_equal(m.top, 2);	/* sel is the last visible row */
	assert_true(listmodel_end(&m));
	assert_int_equal(m.sel, 19);
	assert_int_equal(m.top, 15);
	assert_false(listmodel_move(&m, 100));
	assert_true(listmodel_home(&m));
	assert_int_equal(m.top, 0);
	assert_int_equal(listmodel_row_at(&m, 4), 4);
	assert_int_equal(listmodel_row_at(&m, -1), (size_t)-1);
}

static void
test_page_and_scroll(void **state)
{
	struct listmodel m = { 0 };

	(void)state;
	listmodel_set_count(&m, 10);
	listmodel_set_height(&m, 4);
	listmodel_page(&m, 1);
	assert_int_equal(m.top, 3);
	assert_int_equal(m.sel, 3);
	listmodel_page(&m, 1);
	listmodel_page(&m, 1);
	assert_int_equal(m.top, 6);	/* never past the last page */
	assert_int_equal(m.sel, 9);
	listmodel_page(&m, -1);
	assert_int_equal(m.top, 3);
	/* The wheel moves the view; the selection stays unless it leaves. */
	listmodel_select(&m, 4);
	listmodel_scroll(&m, -1);
	assert_int_equal(m.top, 2);
	assert_int_equal(m.sel, 4);
	listmodel_scroll(&m, 3);
	assert_int_equal(m.top, 5);
	assert_int_equal(m.sel, 5);
	assert_false(listmodel_scroll(&m, 30) && m.top != 6);
	assert_int_equal(m.top, 6);
}

static void
test_resize_and_shrink(void **state)
{
	struct listmodel m = { 0 };

	(void)state;
	listmodel_set_count(&m, 50);
	listmodel_set_height(&m, 10);
	listmodel_select(&m, 30);
	assert_true(m.sel >= m.top && m.sel < m.top + 10);
	listmodel_set_height(&m, 1);
	assert_int_equal(m.top, 30);
	listmodel_set_height(&m, 40);
	assert_true(m.sel >= m.top && m.sel < m.top + 40);
	assert_true(m.top <= 10);
	listmodel_set_count(&m, 3);	/* a filter leaves three rows */
	assert_int_equal(m.sel, 2);
	assert_int_equal(m.top, 0);
	listmodel_set_count(&m, 0);
	assert_int_equal(m.sel, 0);
	assert_int_equal(listmodel_row_at(&m, 0), (size_t)-1);
	listmodel_set_height(&m, 0);
	assert_int_equal(m.height, 1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_move),
		cmocka_unit_test(test_page_and_scroll),
		cmocka_unit_test(test_resize_and_shrink),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
