/**
 * Finished animations let go of the screen.
 *
 * Fluent UI's motions (a dialog's fade and scale, the navigation's expand arrows, drawers) are
 * Web Animations that hold their last frame with `fill: 'forwards'` and are kept alive with
 * `persist()`. Chromium composites every element under such an animation as if it were still
 * moving: the dialog's full-window backdrop and its surface become render surfaces that are
 * redrawn in full on every frame. Where the window is drawn without a GPU (remote desktops and
 * virtual PCs, common in city halls; the software compositor) one search dialog made each frame
 * cost about 25 ms, every keystroke in it paid that twice, and the arrows of the navigation kept
 * two dozen more layers on every screen.
 *
 * So when a filled animation has finished, its last frame is written into the element's own style
 * (`commitStyles`) and the animation is removed: the element looks the same and is an ordinary
 * element again. This runs after the animation's own finish handlers (the next task), and only if
 * it is still finished then; a motion started later on the element makes a new animation.
 */
function settle(animation: Animation): void {
  // still finished: not restarted since (a settled one is cancelled, so 'idle', and left alone)
  if (animation.playState !== 'finished') return;
  const fill = (animation.effect as KeyframeEffect | null)?.getComputedTiming().fill;
  if (fill !== 'forwards' && fill !== 'both') return;
  try {
    animation.commitStyles();
  } catch {
    // Not rendered (inside display: none) or a pseudo-element's (Fluent's selection bar): its last
    // frame cannot be written down, so it keeps its animation rather than jump back.
    return;
  }
  animation.cancel();
}

let installed = false;

/** Wraps `Element.prototype.animate` once, for the whole page. */
export function settleFinishedAnimations(): void {
  if (installed || typeof Element === 'undefined' || typeof Element.prototype.animate !== 'function') return;
  installed = true;
  const animate = Element.prototype.animate;
  Element.prototype.animate = function (this: Element, ...args: Parameters<Element['animate']>): Animation {
    const animation = animate.apply(this, args);
    // Chromium can return null here (see Fluent's own guard); nothing to settle then.
    animation?.addEventListener('finish', () => setTimeout(() => settle(animation), 0));
    return animation;
  };
}
