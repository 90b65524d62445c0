-- CreateEnum
CREATE TYPE "QuestionType" AS ENUM ('select_one', 'select_multiple', 'text', 'integer', 'decimal', 'date', 'note');

-- CreateEnum
CREATE TYPE "QuestionStatus" AS ENUM ('draft', 'published', 'retired');

-- CreateEnum
CREATE TYPE "TranslationStatus" AS ENUM ('missing', 'draft', 'in_review', 'approved', 'outdated');

-- CreateEnum
CREATE TYPE "IndicatorType" AS ENUM ('behavioural', 'contextual');

-- CreateEnum
CREATE TYPE "SourceRelation" AS ENUM ('verbatim', 'adapted', 'developed');

-- CreateEnum
CREATE TYPE "Visibility" AS ENUM ('private', 'shared', 'public_template');

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('researcher', 'translator', 'reviewer', 'curator', 'admin');

-- CreateTable
CREATE TABLE "domain" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "name" JSONB NOT NULL,
    "description" JSONB NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "domain_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "topic" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "domainId" TEXT NOT NULL,
    "name" JSONB NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "topic_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "indicator" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "topicId" TEXT NOT NULL,
    "type" "IndicatorType" NOT NULL,
    "name" JSONB NOT NULL,
    "definition" JSONB NOT NULL,
    "references" TEXT[],
    "position" INTEGER NOT NULL DEFAULT 0,
    "retiredAt" TIMESTAMP(3),
    "mergedIntoId" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "indicator_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "source" (
    "id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "organisation" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "year" TEXT,
    "url" TEXT,
    "licence" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "source_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "choice_list" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "shared" BOOLEAN NOT NULL DEFAULT false,
    "version" INTEGER NOT NULL DEFAULT 1,
    "revision" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "choice_list_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "choice" (
    "id" TEXT NOT NULL,
    "listId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "position" INTEGER NOT NULL,

    CONSTRAINT "choice_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "choice_text" (
    "id" TEXT NOT NULL,
    "choiceId" TEXT NOT NULL,
    "lang" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "status" "TranslationStatus" NOT NULL DEFAULT 'draft',
    "sourceVersion" INTEGER,
    "revision" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "updatedById" TEXT,

    CONSTRAINT "choice_text_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "question" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "type" "QuestionType" NOT NULL,
    "status" "QuestionStatus" NOT NULL DEFAULT 'draft',
    "version" INTEGER NOT NULL DEFAULT 1,
    "revision" INTEGER NOT NULL DEFAULT 0,
    "sourceLanguage" TEXT NOT NULL DEFAULT 'en',
    "choiceListId" TEXT,
    "sourceId" TEXT,
    "sourceRelation" "SourceRelation",
    "constraint" TEXT,
    "mergedIntoId" TEXT,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "publishedAt" TIMESTAMP(3),
    "retiredAt" TIMESTAMP(3),

    CONSTRAINT "question_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "question_text" (
    "id" TEXT NOT NULL,
    "questionId" TEXT NOT NULL,
    "lang" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "hint" TEXT,
    "notes" TEXT,
    "constraintMessage" TEXT,
    "status" "TranslationStatus" NOT NULL DEFAULT 'draft',
    "sourceVersion" INTEGER,
    "revision" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "updatedById" TEXT,

    CONSTRAINT "question_text_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "question_indicator" (
    "questionId" TEXT NOT NULL,
    "indicatorId" TEXT NOT NULL,

    CONSTRAINT "question_indicator_pkey" PRIMARY KEY ("questionId","indicatorId")
);

-- CreateTable
CREATE TABLE "tag" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,

    CONSTRAINT "tag_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "question_tag" (
    "questionId" TEXT NOT NULL,
    "tagId" TEXT NOT NULL,

    CONSTRAINT "question_tag_pkey" PRIMARY KEY ("questionId","tagId")
);

-- CreateTable
CREATE TABLE "question_version" (
    "id" TEXT NOT NULL,
    "questionId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "snapshot" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdById" TEXT,

    CONSTRAINT "question_version_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "questionnaire" (
    "id" TEXT NOT NULL,
    "slug" TEXT,
    "ownerId" TEXT,
    "title" JSONB NOT NULL,
    "description" JSONB NOT NULL,
    "languages" TEXT[],
    "defaultLanguage" TEXT NOT NULL,
    "fallbackLanguage" TEXT,
    "visibility" "Visibility" NOT NULL DEFAULT 'private',
    "revision" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "questionnaire_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "questionnaire_section" (
    "id" TEXT NOT NULL,
    "questionnaireId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "title" JSONB NOT NULL,
    "relevant" JSONB,
    "position" INTEGER NOT NULL,

    CONSTRAINT "questionnaire_section_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "questionnaire_item" (
    "id" TEXT NOT NULL,
    "questionnaireId" TEXT NOT NULL,
    "sectionId" TEXT NOT NULL,
    "questionId" TEXT NOT NULL,
    "questionVersion" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "required" BOOLEAN NOT NULL DEFAULT false,
    "requiredMessage" JSONB,
    "relevant" JSONB,
    "constraint" TEXT,
    "constraintMessage" JSONB,
    "customText" JSONB,

    CONSTRAINT "questionnaire_item_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "user" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "emailVerified" BOOLEAN NOT NULL DEFAULT false,
    "image" TEXT,
    "roles" "Role"[] DEFAULT ARRAY['researcher']::"Role"[],
    "translateLanguages" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "reviewLanguages" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "disabled" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "user_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "session" (
    "id" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "token" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "ipAddress" TEXT,
    "userAgent" TEXT,
    "userId" TEXT NOT NULL,

    CONSTRAINT "session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "account" (
    "id" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "providerId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "accessToken" TEXT,
    "refreshToken" TEXT,
    "idToken" TEXT,
    "accessTokenExpiresAt" TIMESTAMP(3),
    "refreshTokenExpiresAt" TIMESTAMP(3),
    "scope" TEXT,
    "password" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "account_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "verification" (
    "id" TEXT NOT NULL,
    "identifier" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "verification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "rate_limit" (
    "id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "count" INTEGER NOT NULL,
    "lastRequest" BIGINT NOT NULL,

    CONSTRAINT "rate_limit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_event" (
    "id" TEXT NOT NULL,
    "actorId" TEXT,
    "action" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "before" JSONB,
    "after" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "audit_event_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "domain_code_key" ON "domain"("code");

-- CreateIndex
CREATE UNIQUE INDEX "topic_code_key" ON "topic"("code");

-- CreateIndex
CREATE INDEX "topic_domainId_idx" ON "topic"("domainId");

-- CreateIndex
CREATE UNIQUE INDEX "indicator_code_key" ON "indicator"("code");

-- CreateIndex
CREATE INDEX "indicator_topicId_idx" ON "indicator"("topicId");

-- CreateIndex
CREATE UNIQUE INDEX "source_key_key" ON "source"("key");

-- CreateIndex
CREATE UNIQUE INDEX "choice_list_name_key" ON "choice_list"("name");

-- CreateIndex
CREATE UNIQUE INDEX "choice_listId_name_key" ON "choice"("listId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "choice_text_choiceId_lang_key" ON "choice_text"("choiceId", "lang");

-- CreateIndex
CREATE UNIQUE INDEX "question_code_key" ON "question"("code");

-- CreateIndex
CREATE INDEX "question_status_idx" ON "question"("status");

-- CreateIndex
CREATE INDEX "question_type_idx" ON "question"("type");

-- CreateIndex
CREATE INDEX "question_sourceId_idx" ON "question"("sourceId");

-- CreateIndex
CREATE INDEX "question_text_lang_status_idx" ON "question_text"("lang", "status");

-- CreateIndex
CREATE UNIQUE INDEX "question_text_questionId_lang_key" ON "question_text"("questionId", "lang");

-- CreateIndex
CREATE INDEX "question_indicator_indicatorId_idx" ON "question_indicator"("indicatorId");

-- CreateIndex
CREATE UNIQUE INDEX "tag_name_key" ON "tag"("name");

-- CreateIndex
CREATE INDEX "question_tag_tagId_idx" ON "question_tag"("tagId");

-- CreateIndex
CREATE UNIQUE INDEX "question_version_questionId_version_key" ON "question_version"("questionId", "version");

-- CreateIndex
CREATE UNIQUE INDEX "questionnaire_slug_key" ON "questionnaire"("slug");

-- CreateIndex
CREATE INDEX "questionnaire_ownerId_idx" ON "questionnaire"("ownerId");

-- CreateIndex
CREATE INDEX "questionnaire_visibility_idx" ON "questionnaire"("visibility");

-- CreateIndex
CREATE UNIQUE INDEX "questionnaire_section_questionnaireId_name_key" ON "questionnaire_section"("questionnaireId", "name");

-- CreateIndex
CREATE INDEX "questionnaire_item_sectionId_idx" ON "questionnaire_item"("sectionId");

-- CreateIndex
CREATE INDEX "questionnaire_item_questionId_idx" ON "questionnaire_item"("questionId");

-- CreateIndex
CREATE UNIQUE INDEX "questionnaire_item_questionnaireId_questionId_key" ON "questionnaire_item"("questionnaireId", "questionId");

-- CreateIndex
CREATE UNIQUE INDEX "questionnaire_item_questionnaireId_name_key" ON "questionnaire_item"("questionnaireId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "user_email_key" ON "user"("email");

-- CreateIndex
CREATE UNIQUE INDEX "session_token_key" ON "session"("token");

-- CreateIndex
CREATE INDEX "session_userId_idx" ON "session"("userId");

-- CreateIndex
CREATE INDEX "account_userId_idx" ON "account"("userId");

-- CreateIndex
CREATE INDEX "verification_identifier_idx" ON "verification"("identifier");

-- CreateIndex
CREATE UNIQUE INDEX "rate_limit_key_key" ON "rate_limit"("key");

-- CreateIndex
CREATE INDEX "audit_event_entityType_entityId_idx" ON "audit_event"("entityType", "entityId");

-- CreateIndex
CREATE INDEX "audit_event_actorId_idx" ON "audit_event"("actorId");

-- CreateIndex
CREATE INDEX "audit_event_createdAt_idx" ON "audit_event"("createdAt");

-- AddForeignKey
ALTER TABLE "topic" ADD CONSTRAINT "topic_domainId_fkey" FOREIGN KEY ("domainId") REFERENCES "domain"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "indicator" ADD CONSTRAINT "indicator_topicId_fkey" FOREIGN KEY ("topicId") REFERENCES "topic"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "choice" ADD CONSTRAINT "choice_listId_fkey" FOREIGN KEY ("listId") REFERENCES "choice_list"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "choice_text" ADD CONSTRAINT "choice_text_choiceId_fkey" FOREIGN KEY ("choiceId") REFERENCES "choice"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "question" ADD CONSTRAINT "question_choiceListId_fkey" FOREIGN KEY ("choiceListId") REFERENCES "choice_list"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "question" ADD CONSTRAINT "question_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "source"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "question_text" ADD CONSTRAINT "question_text_questionId_fkey" FOREIGN KEY ("questionId") REFERENCES "question"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "question_indicator" ADD CONSTRAINT "question_indicator_questionId_fkey" FOREIGN KEY ("questionId") REFERENCES "question"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "question_indicator" ADD CONSTRAINT "question_indicator_indicatorId_fkey" FOREIGN KEY ("indicatorId") REFERENCES "indicator"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "question_tag" ADD CONSTRAINT "question_tag_questionId_fkey" FOREIGN KEY ("questionId") REFERENCES "question"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "question_tag" ADD CONSTRAINT "question_tag_tagId_fkey" FOREIGN KEY ("tagId") REFERENCES "tag"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "question_version" ADD CONSTRAINT "question_version_questionId_fkey" FOREIGN KEY ("questionId") REFERENCES "question"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "questionnaire" ADD CONSTRAINT "questionnaire_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "questionnaire_section" ADD CONSTRAINT "questionnaire_section_questionnaireId_fkey" FOREIGN KEY ("questionnaireId") REFERENCES "questionnaire"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "questionnaire_item" ADD CONSTRAINT "questionnaire_item_questionnaireId_fkey" FOREIGN KEY ("questionnaireId") REFERENCES "questionnaire"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "questionnaire_item" ADD CONSTRAINT "questionnaire_item_sectionId_fkey" FOREIGN KEY ("sectionId") REFERENCES "questionnaire_section"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "questionnaire_item" ADD CONSTRAINT "questionnaire_item_questionId_fkey" FOREIGN KEY ("questionId") REFERENCES "question"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "session" ADD CONSTRAINT "session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "account" ADD CONSTRAINT "account_userId_fkey" FOREIGN KEY ("userId") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;
