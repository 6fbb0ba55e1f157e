package org.example.fmb.authoring;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.BeansException;
import org.springframework.http.HttpStatus;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * How the editor pages answer a refused step: with the status the API gives it (404, 409, 422) and the reason on
 * the problem page. A refused form is answered by its controller instead, beside the fields ({@link #reject}).
 */
@ControllerAdvice(assignableTypes = {AuthoringPageController.class, PrinciplesPageController.class})
class EditorPageProblems {

    /**
     * Puts the workflow's errors beside the form fields they name; an error about a field the form does not show
     * (e.g. a row that is no longer there) goes to the list it belongs to, or above the form.
     */
    static void reject(BindingResult form, DraftInvalidException refused) {
        for (var error : refused.errors()) {
            if (!rejectField(form, DiagnosisForm.formField(error.field()), error.message())) {
                var list = error.field().replaceFirst("[\\[.].*", "");
                if (!rejectField(form, list, error.field() + ": " + error.message())) {
                    form.reject("invalid", error.field() + ": " + error.message());
                }
            }
        }
    }

    /**
     * Puts a draft that is not ready for review back on its page: the stored form with each problem beside its field,
     * answered 422 as the API answers.
     */
    static void showNotReady(Object form, DraftInvalidException refused, Model model, HttpServletResponse response) {
        var errors = new BeanPropertyBindingResult(form, "form");
        reject(errors, refused);
        model.addAttribute("form", form);
        model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "form", errors);
        model.addAttribute("message", "Utkastet kan inte skickas för granskning ännu; se de markerade fälten.");
        response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
    }

    /**
     * Puts a form someone else saved over first back on its page (409): what the editor typed stays in the form, now
     * on the saved version's lock so that saving again replaces it deliberately, and above it who saved and how the
     * saved version differs.
     */
    static void showConflict(Object typed, EditConflict conflict, Model model, HttpServletResponse response) {
        model.addAttribute("form", typed);
        model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "form", new BeanPropertyBindingResult(typed, "form"));
        model.addAttribute("conflict", conflict);
        model.addAttribute(
                "message",
                "Någon annan sparade versionen efter att du öppnade den. Det du skrev är inte sparat men står kvar"
                        + " nedan; jämför och spara igen för att ersätta den sparade versionen.");
        response.setStatus(HttpStatus.CONFLICT.value());
    }

    /**
     * Refuses a form whose typed fields could not be read at all (a value no field of the page can send, such as an
     * unknown unit or a lock version that is no number): there is then no form to show again.
     */
    static void requireReadable(BindingResult form) {
        if (form.getTarget() == null) {
            throw new UnreadableFormException(form.getFieldErrors().stream()
                    .map(e -> e.getField())
                    .distinct()
                    .toList());
        }
    }

    /** A form post that no page of the editor sends. */
    static class UnreadableFormException extends RuntimeException {
        UnreadableFormException(java.util.List<String> fields) {
            super("The form could not be read (" + String.join(", ", fields) + "). Reload the page and try again.");
        }
    }

    @ExceptionHandler
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    String onUnreadable(UnreadableFormException ex, Model model) {
        model.addAttribute("problem", ex.getMessage());
        return "editor/problem";
    }

    private static boolean rejectField(BindingResult form, String field, String message) {
        try {
            form.rejectValue(field, "invalid", message);
            return true;
        } catch (BeansException | IndexOutOfBoundsException notAField) {
            return false;
        }
    }

    @ExceptionHandler({WorkflowException.class, ConcurrentEditException.class})
    @ResponseStatus(HttpStatus.CONFLICT)
    String onConflict(RuntimeException ex, Model model) {
        model.addAttribute("problem", ex.getMessage());
        return "editor/problem";
    }

    @ExceptionHandler
    @ResponseStatus(HttpStatus.CONFLICT)
    String onOptimisticLock(ObjectOptimisticLockingFailureException ex, Model model) {
        model.addAttribute(
                "problem",
                "Another change to this version was saved at the same moment. Reload it and apply your changes again.");
        return "editor/problem";
    }

    /** A broken business rule, as the API answers it (422), not a conflicting state. */
    @ExceptionHandler
    @ResponseStatus(HttpStatus.UNPROCESSABLE_ENTITY)
    String onFourEyes(FourEyesException ex, Model model) {
        model.addAttribute("problem", ex.getMessage());
        return "editor/problem";
    }

    @ExceptionHandler
    @ResponseStatus(HttpStatus.UNPROCESSABLE_ENTITY)
    String onInvalid(DraftInvalidException ex, Model model) {
        model.addAttribute("problem", ex.getMessage());
        model.addAttribute("errors", ex.errors());
        return "editor/problem";
    }

    @ExceptionHandler
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String onNotFound(ContentNotFoundException ex, Model model) {
        model.addAttribute("problem", ex.getMessage());
        return "editor/problem";
    }
}
