/// The playground page, served from the binary (no CDN, no build step).
///
/// The page is plain HTML, CSS and JavaScript under the server's Content-Security-Policy
/// (`script-src 'self'`, `style-src 'self'`): nothing inline, no `eval`. Every text that comes
/// from the user or the server is put into the page as text, never as markup.
///
/// - `html` (PageHTML.swift): the skeleton, with labels and the live region.
/// - `script`: the drawing of each kind of result (PageRender.swift), then the input, history,
///   completion, sessions and the tour (PageScript.swift), with the student's name and the
///   exercise panel between them (PageExercises.swift), shown only when the server has exercises.
/// - `teacherHTML`, `teacherScript` (PageTeacher.swift): the teacher's live progress table.
/// - `style` (PageStyle.swift, PageClassroomStyle.swift): a calm, responsive look, light and dark.
enum PageAssets {
  static let html = pageHTML
  static let script = pageRender + "\n" + pageExercises + "\n" + pageScript
  static let style = pageStyle + "\n" + classroomStyle
  /// The teacher's page at /teacher, its script at /teacher.js; it shares app.css.
  static let teacherHTML = teacherPageHTML
  static let teacherScript = teacherPageScript
}
