package dev.baml4j.prompt.internal;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.tag.ForTag;
import com.hubspot.jinjava.lib.tag.Tag;
import com.hubspot.jinjava.tree.Node;
import com.hubspot.jinjava.tree.TagNode;
import com.hubspot.jinjava.tree.output.OutputNode;
import com.hubspot.jinjava.tree.output.RenderedOutputNode;
import com.hubspot.jinjava.tree.parse.TagToken;
import com.hubspot.jinjava.util.ObjectIterator;
import java.util.LinkedList;
import java.util.List;
import org.apache.commons.lang3.tuple.Pair;

/** The Jinja tags Jinjava lacks or gets wrong for BAML: {@code for ... else} and {@code filter}. */
public final class BamlTags {

    private BamlTags() {
    }

    /**
     * Moves the {@code else} branch of every {@code for} loop out of the loop body (Jinjava would
     * render it on every iteration) into an {@link ElseBranch} node. Runs once per parsed template.
     */
    public static void hoistForElse(Node node) {
        for (Node child : node.getChildren()) {
            hoistForElse(child);
        }
        if (node instanceof TagNode tag && tag.getTag() instanceof ForTag) {
            LinkedList<Node> children = node.getChildren();
            for (int i = 0; i < children.size(); i++) {
                if (children.get(i) instanceof TagNode t && "else".equals(t.getName())) {
                    LinkedList<Node> body = new LinkedList<>(children.subList(0, i));
                    LinkedList<Node> elseBody = new LinkedList<>(children.subList(i + 1, children.size()));
                    body.add(new ElseBranch(t, elseBody));
                    node.setChildren(body);
                    return;
                }
            }
        }
    }

    /** The {@code else} branch of a loop; prints nothing when reached inside an iteration. */
    static final class ElseBranch extends Node {
        private static final long serialVersionUID = 1L;
        private final List<Node> body;

        ElseBranch(TagNode elseTag, List<Node> body) {
            super(elseTag.getMaster(), elseTag.getLineNumber(), elseTag.getStartPosition());
            this.body = List.copyOf(body);
        }

        @Override
        public OutputNode render(JinjavaInterpreter interpreter) {
            return new RenderedOutputNode("");
        }

        String renderBody(JinjavaInterpreter interpreter) {
            StringBuilder sb = new StringBuilder();
            for (Node n : body) {
                sb.append(n.render(interpreter).getValue());
            }
            return sb.toString();
        }

        @Override
        public String getName() {
            return "else";
        }
    }

    /** {@code for} with Python's {@code else}: the else branch renders when nothing was iterated. */
    public static final class ForElseTag extends ForTag {
        private static final long serialVersionUID = 1L;

        @Override
        public String interpret(TagNode tagNode, JinjavaInterpreter interpreter) {
            if (!tagNode.getChildren().isEmpty() && tagNode.getChildren().getLast() instanceof ElseBranch branch) {
                Pair<List<String>, String> loop = getLoopVarsAndExpression((TagToken) tagNode.getMaster());
                Object items = interpreter.resolveELExpression(loop.getRight(), tagNode.getLineNumber());
                if (!ObjectIterator.getLoop(items).hasNext()) {
                    return branch.renderBody(interpreter);
                }
            }
            return super.interpret(tagNode, interpreter);
        }
    }

    /** {@code {% filter upper %}...{% endfilter %}}: applies a filter chain to the block's output. */
    public static final class FilterTag implements Tag {
        private static final long serialVersionUID = 1L;
        private static final String BODY = "__baml4j_filter_body__";

        @Override
        public String getName() {
            return "filter";
        }

        @Override
        public String getEndTagName() {
            return "endfilter";
        }

        @Override
        public String interpret(TagNode tagNode, JinjavaInterpreter interpreter) {
            StringBuilder body = new StringBuilder();
            for (Node child : tagNode.getChildren()) {
                body.append(child.render(interpreter).getValue());
            }
            JinjavaInterpreter.InterpreterScopeClosable scope = interpreter.enterScope();
            try {
                interpreter.getContext().put(BODY, body.toString());
                Object out = interpreter.resolveELExpression(BODY + " | " + tagNode.getHelpers().trim(),
                        tagNode.getLineNumber());
                return interpreter.getAsString(out);
            } finally {
                scope.close();
            }
        }
    }
}
