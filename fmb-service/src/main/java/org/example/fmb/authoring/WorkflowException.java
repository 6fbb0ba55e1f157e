package org.example.fmb.authoring;

/** A workflow step that the version's current state does not allow (e.g. approving a draft). */
public class WorkflowException extends RuntimeException {
    public WorkflowException(String message) {
        super(message);
    }
}
