/* Tests for yout: what it writes reads back as the same strings. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "inkstone/util.h"
#include "inkstone/yout.h"

static const char *const strings[] = {
	"plain words", "true", "No", "null", "~", "", "2025-05-27",
	"2025-05-27 09:30", "12", "-3.5e2", "0x1F", ".inf", "key: value",
	"#not a comment", "- not an item", "[flow]", "{map}", "'quoted'",
	"\"double\"", "華為 (Huawei)", "line\nbreak", "trailing space ",
	"100 trillion won", "@at", "%percent", "a\tb",
};

static void
test_roundtrip(void **state)
{
	struct buf	 out = { 0 };
	struct yout	*y = yout_new(&out);
	yaml_parser_t	 p;
	yaml_document_t	 doc;
	yaml_node_t	*root, *item;
	size_t		 i, n = sizeof strings / sizeof strings[0];

	(void)state;
	yout_map(y, 0);
	yout_str(y, "items");
	yout_seq(y, 0);
	for (i = 0; i < n; i++)
		yout_str(y, strings[i]);
	yout_end(y);
	yout_str(y, "count");
	yout_num(y, 42);
	assert_int_equal(yout_finish(y), 0);

	yaml_parser_initialize(&p);
	yaml_parser_set_input_string(&p, (const unsigned char *)out.data,
	    out.len);
	assert_true(yaml_parser_load(&p, &doc));
	root = yaml_document_get_root_node(&doc);
	assert_int_equal(root->type, YAML_MAPPING_NODE);
	item = yaml_document_get_node(&doc,
	    root->data.mapping.pairs.start[0].value);
	assert_int_equal(item->data.sequence.items.top -
	    item->data.sequence.items.start, (long)n);
	for (i = 0; i < n; i++) {
		yaml_node_t *s = yaml_document_get_node(&doc,
		    item->data.sequence.items.start[i]);
		assert_int_equal(s->type, YAML_SCALAR_NODE);
		assert_int_equal(s->data.scalar.length, strlen(strings[i]));
		assert_memory_equal(s->data.scalar.value, strings[i],
		    strlen(strings[i]));
		/* What would read back as another type is quoted. */
		if (strcmp(strings[i], "true") == 0 ||
		    strcmp(strings[i], "12") == 0 ||
		    strcmp(strings[i], "2025-05-27") == 0)
			assert_int_not_equal(s->data.scalar.style,
			    YAML_PLAIN_SCALAR_STYLE);
		if (strcmp(strings[i], "plain words") == 0 ||
		    strcmp(strings[i], "100 trillion won") == 0)
			assert_int_equal(s->data.scalar.style,
			    YAML_PLAIN_SCALAR_STYLE);
	}
	yaml_document_delete(&doc);
	yaml_parser_delete(&p);
	buf_free(&out);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_roundtrip),
	};

	return cmocka_run_group_tests_name("yout", tests, NULL, NULL);
}
