//! Figures that are not marked as such: a container holding an image and only a little text
//! (`<div class="absatzbild"><picture><img></picture><p>Caption.</p><span>Bild: dpa</span>
//! </div>`) is a figure, and its text the image's caption and credit.
//!
//! They are found on the page as parsed, before Readability, which drops images and unwraps
//! their containers; each one found is marked with [`FIGURE_ATTR`] (an attribute Readability
//! keeps), which `blocks` reads as a caption.

use dom_query::NodeRef;
use dom_smoothie::Readability;

/// The attribute that marks the elements of a figure found here.
pub(super) const FIGURE_ATTR: &str = "data-brief-figure";

/// Most text bytes a figure may hold: a caption and a credit, not an article with a picture.
const MAX_FIGURE_TEXT: usize = 300;

/// Most levels above an image where its figure's container may be (`<picture>`, a media
/// wrapper, the figure).
const MAX_FIGURE_DEPTH: usize = 4;

/// Most nodes looked at in one container, and most images looked at in a page: the pass stays
/// linear in the page's size whatever it holds.
const MAX_FIGURE_NODES: usize = 64;
const MAX_IMAGES: usize = 256;

/// Marks the figures of a parsed page (see the module's doc).
pub(super) fn mark_figures(page: &Readability) {
    let images = page.doc.select("img");
    for image in images.nodes().iter().take(MAX_IMAGES) {
        let mut node = image.parent();
        for _ in 0..MAX_FIGURE_DEPTH {
            let Some(container) = node else { break };
            // Only a block container: a paragraph with an inline picture (an emoji, an icon) is
            // still a paragraph.
            if !["div", "figure", "section", "picture"]
                .iter()
                .any(|name| container.has_name(name))
            {
                break;
            }
            match text_bytes(&container) {
                Some(0) => node = container.parent(),
                Some(_) => {
                    // Every element of it: Readability may unwrap the container itself.
                    container.set_attr(FIGURE_ATTR, "");
                    let elements: Vec<NodeRef<'_>> = container
                        .descendants_it()
                        .filter(NodeRef::is_element)
                        .collect();
                    for element in elements {
                        element.set_attr(FIGURE_ATTR, "");
                    }
                    break;
                }
                None => break,
            }
        }
    }
}

/// The bytes of visible text in `node`, or `None` when there are more than [`MAX_FIGURE_TEXT`]
/// or it holds more than [`MAX_FIGURE_NODES`] nodes.
fn text_bytes(node: &NodeRef<'_>) -> Option<usize> {
    let mut bytes = 0;
    for (n, descendant) in node.descendants_it().enumerate() {
        if n >= MAX_FIGURE_NODES {
            return None;
        }
        if descendant.is_text() {
            bytes += descendant.text().trim().len();
            if bytes > MAX_FIGURE_TEXT {
                return None;
            }
        }
    }
    Some(bytes)
}
