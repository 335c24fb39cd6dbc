using Rapport.Domain;

namespace Rapport.Features.Conversations;

/// <summary>The main button of a conversation's pages (the conversation and Prepare), following its stage.</summary>
public sealed record NextStepButton(int ConversationId, string ContactFirstName, ConversationNextStep Step);
