package org.pressdesk.system;

/**
 * One bad field of a request: its JSON path ({@code phones[0].value}) and what is wrong.
 */
public record FieldProblem(String field, String message) {
}
