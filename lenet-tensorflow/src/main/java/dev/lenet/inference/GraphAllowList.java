package dev.lenet.inference;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tensorflow.proto.FunctionDef;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.proto.NodeDef;
import org.tensorflow.proto.SignatureDef;
import org.tensorflow.proto.TensorInfo;

/**
 * Which graphs a LeNet model may hold. TensorFlow runs a model's graph as a program: a model that reads or writes
 * files, or calls out, would do so in every build and application that loads it. So only the ops a LeNet classifier
 * is made of are accepted, everywhere in the graph and in every function of its library (a deny-list misses what a
 * function hides), with the variables and saver of a model with variables; the saver's file ops run only to restore
 * the variables, and no serving output may depend on them.
 */
final class GraphAllowList {
    /** Pure tensor arithmetic: what lenet:train's frozen graphs are made of, earlier layouts included. */
    static final Set<String> INFERENCE = Set.of(
            "Placeholder",
            "Const",
            "Identity",
            "Cast",
            "Mul",
            "Add",
            "AddV2",
            "Sub",
            "RealDiv",
            "Maximum",
            "Minimum",
            "Pad",
            "ExpandDims",
            "Squeeze",
            "Reshape",
            "Transpose",
            "Unpack",
            "Pack",
            "ConcatV2",
            "Conv2D",
            "BiasAdd",
            "MaxPool",
            "AvgPool",
            "Relu",
            "Tanh",
            "Sigmoid",
            "MatMul",
            "Softmax",
            "ArgMax");

    /** The ops that hold parameters: a graph with one of them has variables to restore. */
    static final Set<String> VARIABLE_OPS = Set.of("Variable", "VariableV2", "VarHandleOp");

    /**
     * The parameters of a SavedModel with variables, and the saver that TensorFlow's exporters add to every graph
     * (with or without variables) to restore them from variables/.
     */
    static final Set<String> VARIABLES = union(
            VARIABLE_OPS,
            "ReadVariableOp",
            "Assign",
            "AssignVariableOp",
            "NoOp",
            "ZerosLike",
            "RestoreV2",
            "SaveV2",
            "StringJoin",
            "ShardedFilename",
            "MergeV2Checkpoints");

    /** Everything a LeNet model's graph may hold. */
    private static final Set<String> ALLOWED = union(INFERENCE, VARIABLES.toArray(String[]::new));

    /** Of those, the ops that touch files: never something a serving output depends on. */
    static final Set<String> FILE_OPS = Set.of("RestoreV2", "SaveV2", "MergeV2Checkpoints");

    private GraphAllowList() {}

    /** What keeps {@code graph} from being a LeNet model's graph; empty when it is one. */
    static List<String> violations(GraphDef graph, SignatureDef signature) {
        Set<String> found = new LinkedHashSet<>();
        for (NodeDef node : graph.getNodeList()) {
            if (!ALLOWED.contains(node.getOp())) {
                found.add(node.getOp() + " (node '" + node.getName() + "')");
            }
        }
        for (FunctionDef function : graph.getLibrary().getFunctionList()) {
            for (NodeDef node : function.getNodeDefList()) {
                if (!ALLOWED.contains(node.getOp())) {
                    found.add(node.getOp() + " (node '" + node.getName() + "' of function '"
                            + function.getSignature().getName() + "')");
                }
            }
        }
        List<String> violations = new ArrayList<>(found);
        for (NodeDef node : servingAncestors(graph, signature)) {
            if (FILE_OPS.contains(node.getOp())) {
                violations.add(node.getOp() + " (node '" + node.getName() + "') feeding a serving output");
            }
        }
        return violations;
    }

    static boolean hasVariables(GraphDef graph) {
        return graph.getNodeList().stream().map(NodeDef::getOp).anyMatch(VARIABLE_OPS::contains);
    }

    private static Set<String> union(Set<String> set, String... more) {
        Set<String> all = new HashSet<>(set);
        all.addAll(List.of(more));
        return Set.copyOf(all);
    }

    /** Every node a signature output depends on, through data and control inputs. */
    private static List<NodeDef> servingAncestors(GraphDef graph, SignatureDef signature) {
        Map<String, NodeDef> byName = new HashMap<>();
        graph.getNodeList().forEach(node -> byName.put(node.getName(), node));
        Deque<String> pending = new ArrayDeque<>();
        for (TensorInfo output : signature.getOutputsMap().values()) {
            pending.add(nodeName(output.getName()));
        }
        Set<String> seen = new HashSet<>();
        List<NodeDef> ancestors = new ArrayList<>();
        while (!pending.isEmpty()) {
            NodeDef node = byName.get(pending.pop());
            if (node == null || !seen.add(node.getName())) {
                continue;
            }
            ancestors.add(node);
            node.getInputList().forEach(input -> pending.add(nodeName(input)));
        }
        return ancestors;
    }

    /** {@code ^name} (a control input), {@code name:1} and {@code name} all name the node {@code name}. */
    private static String nodeName(String input) {
        String name = input.startsWith("^") ? input.substring(1) : input;
        int colon = name.indexOf(':');
        return colon < 0 ? name : name.substring(0, colon);
    }
}
