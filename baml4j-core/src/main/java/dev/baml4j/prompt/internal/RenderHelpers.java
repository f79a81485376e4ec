package dev.baml4j.prompt.internal;

import com.hubspot.jinjava.objects.serialization.PyishSerializable;
import dev.baml4j.types.BamlType;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The template globals BAML defines: {@code ctx} and {@code _}. */
public final class RenderHelpers {

    private RenderHelpers() {
    }

    /**
     * {@code ctx}: {@code output_format} (a property, or a call with keyword options),
     * {@code client.name}/{@code client.provider}, {@code tags}.
     */
    public static final class Ctx implements PyishSerializable {
        private final OutputFormatCache formats;
        private final BamlType returnType;
        private final Map<String, Object> client;
        private final Map<String, Object> tags;

        public Ctx(OutputFormatCache formats, BamlType returnType, String clientName, String provider,
                String defaultRole, Map<String, String> tags) {
            this.formats = formats;
            this.returnType = returnType;
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("name", clientName);
            c.put("provider", provider);
            c.put("default_role", defaultRole);
            this.client = new JinjaValues.MapView(c);
            this.tags = new JinjaValues.MapView(new LinkedHashMap<>(tags));
        }

        Object property(String name) {
            return switch (name) {
                case "output_format" -> outputFormat(new Object[0]);
                case "client" -> client;
                case "tags" -> tags;
                default -> JinjaValues.Undefined.INSTANCE;
            };
        }

        String outputFormat(Object[] args) {
            if (!BamlElResolver.positional(args).isEmpty()) {
                throw new TemplateRuntimeError("ctx.output_format takes keyword arguments only, "
                        + "e.g. ctx.output_format(prefix=\"Answer:\\n\")");
            }
            Map<String, Object> kwargs = BamlElResolver.keywords(args);
            try {
                OutputFormatOptions options = kwargs.isEmpty() ? OutputFormatOptions.DEFAULT : OutputFormatOptions.parse(kwargs);
                return formats.get(returnType, options);
            } catch (IllegalArgumentException e) {
                throw new TemplateRuntimeError(e.getMessage());
            }
        }
    }

    /** {@code _}: {@code _.role("user", cache_control={...})} and its alias {@code _.chat}. */
    public static final class Roles implements PyishSerializable {
        private final RenderState state;

        public Roles(RenderState state) {
            this.state = state;
        }

        String role(Object[] args) {
            List<Object> positional = BamlElResolver.positional(args);
            Map<String, Object> kwargs = BamlElResolver.keywords(args);
            Object role = kwargs.remove("role");
            if (positional.size() > 1) {
                throw new TemplateRuntimeError("_.role takes one positional argument (the role), got " + positional.size());
            }
            if (!positional.isEmpty() && role != null) {
                throw new TemplateRuntimeError("_.role got the role both as an argument and as role=; give it once");
            }
            if (!positional.isEmpty()) {
                role = positional.get(0);
            }
            if (role == null || role instanceof JinjaValues.Undefined) {
                throw new TemplateRuntimeError("_.role needs a role name, e.g. _.role(\"user\")");
            }
            Map<String, Object> metadata = new LinkedHashMap<>();
            kwargs.forEach((k, v) -> metadata.put(k, plain(v)));
            return state.roleSentinel(new RenderState.RoleMarker(role.toString(), metadata));
        }

        /** Metadata leaves the template as plain Java values (String, Number, Boolean, List, Map). */
        private static Object plain(Object v) {
            if (v instanceof JinjaValues.EnumView e) {
                return e.value();
            }
            if (v instanceof Map<?, ?> m) {
                Map<String, Object> out = new LinkedHashMap<>();
                m.forEach((k, val) -> out.put(String.valueOf(k), plain(val)));
                return out;
            }
            if (v instanceof Collection<?> c) {
                return c.stream().map(Roles::plain).toList();
            }
            return v;
        }
    }
}
