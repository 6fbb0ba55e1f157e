package org.example.codeserver.browser;

import java.util.List;
import org.springframework.lang.Nullable;

/**
 * A concept in the browsed hierarchy.
 *
 * @param childCount how many children it has (a closed node shows the number)
 * @param open whether its children are listed (it lies on the path to the opened code)
 */
public record TreeNode(String code, @Nullable String display, int childCount, boolean open, List<TreeNode> children) {}
