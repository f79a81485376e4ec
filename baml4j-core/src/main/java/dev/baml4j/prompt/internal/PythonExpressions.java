package dev.baml4j.prompt.internal;

import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.JinjavaConfig;
import com.hubspot.jinjava.el.ExtendedSyntaxBuilder;
import com.hubspot.jinjava.el.TruthyTypeConverter;
import com.hubspot.jinjava.el.ext.ExtendedParser;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Properties;
import jinjava.de.odysseus.el.ExpressionFactoryImpl;
import jinjava.de.odysseus.el.misc.TypeConverter;
import jinjava.de.odysseus.el.tree.TreeBuilder;
import jinjava.de.odysseus.el.tree.impl.Builder;
import jinjava.de.odysseus.el.tree.impl.Parser;
import jinjava.de.odysseus.el.tree.impl.ast.AstBinary;
import jinjava.de.odysseus.el.tree.impl.ast.AstNode;
import jinjava.javax.el.ExpressionFactory;

/**
 * Jinjava with Python's {@code %}: the sign of the result follows the divisor
 * ({@code -9 % 4 == 3}), as in minijinja, where Java's remainder gives {@code -1}.
 */
public final class PythonExpressions {

    private PythonExpressions() {
    }

    /** A Jinjava whose expression parser builds Python-style modulo nodes. */
    public static final class PyJinjava extends Jinjava {
        private final ExpressionFactory factory;

        public PyJinjava(JinjavaConfig config) {
            super(config);
            Properties props = new Properties();
            props.setProperty(TreeBuilder.class.getName(), PySyntaxBuilder.class.getName());
            factory = new ExpressionFactoryImpl(props, new TruthyTypeConverter());
        }

        @Override
        public ExpressionFactory getExpressionFactory() {
            return factory;
        }
    }

    /** Instantiated by JUEL by class name. */
    public static final class PySyntaxBuilder extends ExtendedSyntaxBuilder {
        private static final long serialVersionUID = 1L;

        public PySyntaxBuilder() {
            super();
        }

        public PySyntaxBuilder(Builder.Feature... features) {
            super(features);
        }

        @Override
        protected Parser createParser(String expression) {
            return new PyParser(this, expression);
        }
    }

    static final class PyParser extends ExtendedParser {
        PyParser(Builder builder, String input) {
            super(builder, input);
        }

        @Override
        protected AstBinary createAstBinary(AstNode left, AstNode right, AstBinary.Operator operator) {
            return super.createAstBinary(left, right, operator == AstBinary.MOD ? PY_MOD : operator);
        }
    }

    static final AstBinary.Operator PY_MOD = new AstBinary.SimpleOperator() {
        @Override
        protected Object apply(TypeConverter converter, Object a, Object b) {
            if (a == null || b == null) {
                throw new TemplateRuntimeError("cannot apply % to none");
            }
            if (isIntegral(a) && isIntegral(b)) {
                long d = converter.convert(b, Long.class);
                if (d == 0) {
                    throw new TemplateRuntimeError("modulo by zero");
                }
                return Math.floorMod(converter.convert(a, Long.class), d);
            }
            double x = converter.convert(a, Double.class);
            double y = converter.convert(b, Double.class);
            double r = x % y;
            if (r != 0 && (r < 0) != (y < 0)) {
                r += y;
            }
            return r;
        }

        @Override
        public String toString() {
            return "%";
        }
    };

    private static boolean isIntegral(Object o) {
        return o instanceof Long || o instanceof Integer || o instanceof Short || o instanceof Byte
                || o instanceof BigInteger || (o instanceof String s && s.matches("-?\\d+"))
                || (o instanceof BigDecimal bd && bd.scale() <= 0);
    }
}
