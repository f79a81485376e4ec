package dev.baml4j.types.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.baml4j.types.BamlValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The shared (not copied) lists and maps behind streamed values must still never change once handed out. */
class SharedValuesTest {

    @Test
    void aPrefixViewKeepsItsContentWhileTheBufferGrowsAndReallocates() {
        AppendOnlyValues buf = new AppendOnlyValues(1);
        buf.add(BamlValue.of("a"));
        List<BamlValue> first = buf.view();
        List<BamlValue> withTail = buf.viewWith(BamlValue.of("tail"));
        for (int i = 0; i < 100; i++) {
            buf.add(BamlValue.of("x" + i));
        }
        assertThat(first).containsExactly(BamlValue.of("a"));
        assertThat(withTail).containsExactly(BamlValue.of("a"), BamlValue.of("tail"));
        assertThat(buf.view()).hasSize(101);
        assertThat(withTail).isEqualTo(List.of(BamlValue.of("a"), BamlValue.of("tail")));
        assertThat(withTail.hashCode()).isEqualTo(List.of(BamlValue.of("a"), BamlValue.of("tail")).hashCode());
        assertThatThrownBy(() -> withTail.get(2)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void viewsRefuseChangesAndNulls() {
        AppendOnlyValues buf = new AppendOnlyValues();
        buf.add(BamlValue.of(1));
        List<BamlValue> view = buf.view();
        assertThatThrownBy(() -> view.add(BamlValue.of(2))).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> view.set(0, BamlValue.of(2))).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> view.remove(0)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> buf.add(null)).isInstanceOf(NullPointerException.class);
        assertThat(view).containsExactly(BamlValue.of(1));
    }

    @Test
    void listValueSharesViewsButStillCopiesOtherLists() {
        AppendOnlyValues buf = new AppendOnlyValues();
        buf.add(BamlValue.of(1));
        List<BamlValue> view = buf.view();
        assertThat(new BamlValue.ListValue(view).items()).isSameAs(view);

        List<BamlValue> mutable = new ArrayList<>(List.of(BamlValue.of(1)));
        BamlValue.ListValue copied = new BamlValue.ListValue(mutable);
        mutable.add(BamlValue.of(2));
        assertThat(copied.items()).containsExactly(BamlValue.of(1));
        assertThat(copied).isEqualTo(new BamlValue.ListValue(view));
    }

    @Test
    void aBuiltMapIsFinalAndClassValueKeepsIt() {
        FrozenMapBuilder b = new FrozenMapBuilder().put("n", BamlValue.of(1)).put("s", BamlValue.of("x"));
        Map<String, BamlValue> built = b.build();
        assertThatThrownBy(() -> b.put("t", BamlValue.of(2))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> built.put("t", BamlValue.of(2))).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> built.entrySet().iterator().next().setValue(BamlValue.of(3)))
                .isInstanceOf(UnsupportedOperationException.class);
        BamlValue.ClassValue c = new BamlValue.ClassValue("Row", built);
        assertThat(c.fields()).isSameAs(built);
        assertThat(List.copyOf(c.fields().keySet())).containsExactly("n", "s");

        Map<String, BamlValue> plain = new LinkedHashMap<>(Map.of("n", BamlValue.of(1)));
        plain.put("s", BamlValue.of("x"));
        BamlValue.ClassValue copied = new BamlValue.ClassValue("Row", plain);
        plain.put("t", BamlValue.of(2));
        assertThat(copied.fields()).hasSize(2);
        assertThat(copied).isEqualTo(c);
        assertThat(copied.hashCode()).isEqualTo(c.hashCode());
    }
}
